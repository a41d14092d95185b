package dev.arbor.federation.protocol.oauth2;

import dev.arbor.contracts.token.v1.TokenPolicy;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.RefreshTokenLifetimes;
import java.time.Duration;
import java.util.Optional;

/**
 * The one place where a client's registration becomes the {@link TokenPolicy} token-service mints
 * its tokens by. Every request that issues tokens (code issue, client credentials, refresh) sends it.
 *
 * <p>Refresh tokens (RFC 6749 §1.5, §6) are issued exactly when the client may use the
 * {@code refresh_token} grant; their idle and absolute lifetimes (RFC 9700 §4.14.2) come from the
 * client, 0 meaning token-service's default.
 *
 * <p>The tokens' JWS alg is the client's {@code tokenSigningAlg}, which already falls back to the
 * realm's default when the client names none; empty lets token-service use its default (RS256).
 */
public final class TokenPolicies {

    private TokenPolicies() {
    }

    public static TokenPolicy of(Client client) {
        TokenPolicy.Builder policy = TokenPolicy.newBuilder();
        if (client.tokenSigningAlg() != null) {
            policy.setSigningAlg(client.tokenSigningAlg()); // the client's, else its realm's default
        }
        RefreshTokenLifetimes refresh = client.refreshTokenLifetimes();
        policy.setRefreshTokens(client.allowsGrant(RefreshTokenGrantHandler.GRANT_TYPE))
                .setRefreshIdleLifetimeSeconds(seconds(refresh.idle()))
                .setRefreshAbsoluteLifetimeSeconds(seconds(refresh.absolute()));
        return policy.build();
    }

    private static long seconds(Optional<Duration> lifetime) {
        return lifetime.map(Duration::toSeconds).orElse(0L);
    }
}
