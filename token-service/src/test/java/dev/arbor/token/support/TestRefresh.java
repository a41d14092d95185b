package dev.arbor.token.support;

import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.RevokeRefreshTokenRequest;
import dev.arbor.contracts.token.v1.TokenPolicy;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/** Fixture builders for refresh-token requests: demo-spa in realm demo, as in {@link TestGrants}. */
public final class TestRefresh {

    private TestRefresh() {
    }

    /** A client policy that asks for refresh tokens with the service's default lifetimes. */
    public static TokenPolicy refreshPolicy() {
        return TokenPolicy.newBuilder().setRefreshTokens(true).build();
    }

    public static TokenPolicy refreshPolicy(long idleSeconds, long absoluteSeconds) {
        return TokenPolicy.newBuilder().setRefreshTokens(true).setRefreshIdleLifetimeSeconds(idleSeconds)
                .setRefreshAbsoluteLifetimeSeconds(absoluteSeconds).build();
    }

    public static RefreshTokensRequest.Builder refreshRequest(String refreshToken) {
        return RefreshTokensRequest.newBuilder()
                .setRealm(TestGrants.REALM)
                .setIssuer(TestGrants.ISSUER)
                .setClientId(TestGrants.CLIENT_ID)
                .setRefreshToken(refreshToken)
                .setPolicy(refreshPolicy());
    }

    public static RevokeRefreshTokenRequest revokeRequest(String clientId, String refreshToken) {
        return RevokeRefreshTokenRequest.newBuilder().setRealm(TestGrants.REALM).setClientId(clientId)
                .setRefreshToken(refreshToken).build();
    }

    /** The claims of a JWT read without verifying: the signature is another test's subject. */
    public static JwtClaims claims(String jwt) {
        try {
            return new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                    .setDisableRequireSignature().build().processToClaims(jwt);
        } catch (Exception e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    public static String jti(String jwt) {
        try {
            return claims(jwt).getJwtId();
        } catch (Exception e) {
            throw new AssertionError("no jti", e);
        }
    }
}
