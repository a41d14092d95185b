package dev.arbor.federation.protocol.oauth2;

import dev.arbor.contracts.token.v1.RevokeRefreshTokenRequest;
import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import dev.arbor.federation.domain.RevokedTokens;
import dev.arbor.federation.port.RevocationGateway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * RFC 7009 — Token Revocation. The client authenticates (RFC 7009 §2.1, RFC 6749 §2.3) and sends
 * {@code token} with an optional {@code token_type_hint}. The hint only decides what is tried first
 * (§2.1: "If the server is unable to locate the token using the given hint, it MUST extend its
 * search"): a token that is not a JWT access token of this realm is handed to token-service as a
 * refresh token, whose family and access tokens are then revoked (§2.1: "SHOULD also invalidate all
 * access tokens based on the same authorization grant"); token-service ignores another client's. A token
 * that does not verify, has expired, or was issued to another client is answered like a revoked one
 * (§2.2: 200 "if the client submitted an invalid token"), so a client learns nothing about tokens
 * that are not its own. The revocation is recorded and published by token-service, and added to this
 * replica's deny-set at once.
 */
@ApplicationScoped
public class RevocationEndpoint {
    private static final Logger LOG = Logger.getLogger(RevocationEndpoint.class);
    private static final String REFRESH_TOKEN_HINT = "refresh_token";

    private final ClientAuthenticator authenticator;
    private final AccessTokenVerifier verifier;
    private final RevocationGateway revocations;
    private final RevokedTokens revoked;

    public RevocationEndpoint(ClientAuthenticator authenticator, AccessTokenVerifier verifier,
                              RevocationGateway revocations, RevokedTokens revoked) {
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.revocations = revocations;
        this.revoked = revoked;
    }

    /** Completes (HTTP 200, empty body) when the token is revoked or was never the client's to revoke. */
    public Uni<Void> revoke(String realm, String authorization, Map<String, List<String>> form) {
        return Uni.createFrom().deferred(() -> {
            Map<String, String> single = FormParameters.single(form);
            return authenticator.authenticate(realm, authorization, single).chain(client -> {
                String token = single.get("token");
                if (token == null || token.isEmpty()) {
                    throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("token is required");
                }
                if (REFRESH_TOKEN_HINT.equals(single.get("token_type_hint"))) {
                    return revokeRefreshToken(realm, client.clientId(), token).chain(revoked -> revoked
                            ? Uni.createFrom().voidItem() : revokeAccessToken(realm, client.clientId(), token, false));
                }
                return revokeAccessToken(realm, client.clientId(), token, true);
            });
        });
    }

    /** A JWT access token of this realm is revoked if it is the client's; anything else may be a refresh token. */
    private Uni<Void> revokeAccessToken(String realm, String clientId, String token, boolean thenAsRefreshToken) {
        return verifier.verifyIgnoringRevocation(realm, token)
                .onFailure(OAuth2Exception.class).recoverWithNull()
                .chain(claims -> {
                    if (claims != null) {
                        return revokeIfOwn(realm, clientId, claims);
                    }
                    return thenAsRefreshToken
                            ? revokeRefreshToken(realm, clientId, token).replaceWithVoid()
                            : Uni.createFrom().voidItem();
                });
    }

    /** RFC 7009 §2.1 for a refresh token: token-service revokes its family if it is this client's. */
    private Uni<Boolean> revokeRefreshToken(String realm, String clientId, String token) {
        return revocations.revokeRefreshToken(RevokeRefreshTokenRequest.newBuilder().setRealm(realm)
                        .setClientId(clientId).setRefreshToken(token).build())
                .onFailure().transform(failure -> {
                    LOG.warnf("refresh-token revocation in realm %s could not be recorded (%s)", realm,
                            failure.getClass().getSimpleName());
                    return OAuth2Exception.temporarilyUnavailable("the revocation could not be recorded; retry");
                });
    }

    private Uni<Void> revokeIfOwn(String realm, String clientId, JwtClaims claims) {
        String jti;
        Instant expiresAt;
        try {
            jti = claims.getJwtId();
            expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
        } catch (MalformedClaimException e) {
            return Uni.createFrom().voidItem();
        }
        // RFC 7009 §2.1: the server "verifies whether the token was issued to the client making the
        // revocation request"; if not, the request is refused silently (200, nothing revoked).
        if (!clientId.equals(claims.getClaimValue("client_id"))) {
            LOG.infof("client %s in realm %s asked to revoke a token issued to another client; ignored", clientId, realm);
            return Uni.createFrom().voidItem();
        }
        RevokeTokenRequest request = RevokeTokenRequest.newBuilder().setRealm(realm).setClientId(clientId)
                .setJti(jti).setExpiresAt(expiresAt.getEpochSecond()).build();
        return revocations.revoke(request)
                .onFailure().transform(failure -> {
                    // RFC 7009 §2.2.1: 503 tells the client to retry; the token is NOT revoked yet.
                    LOG.warnf("revocation in realm %s could not be recorded (%s)", realm,
                            failure.getClass().getSimpleName());
                    return OAuth2Exception.temporarilyUnavailable("the revocation could not be recorded; retry");
                })
                .invoke(recorded -> revoked.revoke(jti, expiresAt))
                .replaceWithVoid();
    }
}
