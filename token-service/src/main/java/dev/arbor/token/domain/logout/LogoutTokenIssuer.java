package dev.arbor.token.domain.logout;

import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.key.SigningKeyService;
import dev.arbor.token.port.JwtSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * OpenID Connect Back-Channel Logout 1.0 §2.4 — mints the logout token federation posts to one RP's
 * {@code backchannel_logout_uri}, signed with the realm's current key of the client's ID-token
 * algorithm, so the RP verifies it exactly like its ID tokens (§2.6). Short-lived: §2.6 lets an RP
 * refuse a token whose {@code iat} is too far in the past, and a replayed one is useless after
 * {@code exp}.
 */
public final class LogoutTokenIssuer {

    /** The longest a logout token lives, whatever the configuration says. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(2);

    private final SigningKeyService signingKeys;
    private final JwtSigner signer;
    private final String publicUrl;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random;
    private final Executor signingExecutor;

    /**
     * @param publicUrl the suite's public origin; a realm's issuer is {@code publicUrl/realms/<realm>},
     *                  exactly as federation computes it (OIDC Discovery §4.3)
     */
    public LogoutTokenIssuer(SigningKeyService signingKeys, JwtSigner signer, String publicUrl, Duration lifetime,
            Clock clock, SecureRandom random, Executor signingExecutor) {
        this.signingKeys = signingKeys;
        this.signer = signer;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.lifetime = lifetime.compareTo(MAX_LIFETIME) > 0 || lifetime.isNegative() || lifetime.isZero()
                ? MAX_LIFETIME : lifetime;
        this.clock = clock;
        this.random = random;
        this.signingExecutor = signingExecutor;
    }

    public CompletionStage<String> issue(LogoutTokenRequest request) {
        return signingKeys.signingKey(request.realm(), request.alg()).thenApplyAsync(key -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            // §2.4: jti, a unique identifier; 128 random bits.
            String jti = Base64Url.randomBytes(random, 16);
            return signer.sign(key, LogoutTokenClaims.TYPE,
                    LogoutTokenClaims.of(request, issuer(request.realm()), now, lifetime, jti));
        }, signingExecutor);
    }

    String issuer(String realm) {
        return publicUrl + "/realms/" + realm;
    }
}
