package dev.arbor.token.domain.token;

import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.key.SigningKey;
import dev.arbor.token.domain.key.SigningKeyService;
import dev.arbor.token.port.JwtSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;

/**
 * Mints the tokens of a checked grant with the realm's active key: a JWT access token
 * (RFC 9068) and, when {@code openid} was granted for a user, an ID token (OIDC Core §2) whose
 * {@code at_hash} binds it to that access token (OIDC Core §3.1.3.6).
 */
public final class TokenIssuer {

    private final SigningKeyService signingKeys;
    private final JwtSigner signer;
    private final TokenLifetimes lifetimes;
    private final Clock clock;
    private final SecureRandom random;

    public TokenIssuer(SigningKeyService signingKeys, JwtSigner signer, TokenLifetimes lifetimes, Clock clock,
            SecureRandom random) {
        this.signingKeys = signingKeys;
        this.signer = signer;
        this.lifetimes = lifetimes;
        this.clock = clock;
        this.random = random;
    }

    public CompletionStage<IssuedTokens> issue(TokenRequest request) {
        return signingKeys.activeKey(request.realm()).thenApply(key -> mint(key, request));
    }

    private IssuedTokens mint(SigningKey key, TokenRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration accessLifetime = lifetimes.accessTokenFor(request.accessTokenLifetimeSeconds());
        // RFC 9068 §2.2: jti is a unique identifier; 128 random bits make a collision negligible.
        String jti = Base64Url.randomBytes(random, 16);
        String accessToken = signer.sign(key, AccessTokenClaims.TYPE,
                AccessTokenClaims.of(request, now, accessLifetime, jti));
        String idToken = request.wantsIdToken()
                ? signer.sign(key, IdTokenClaims.TYPE,
                        IdTokenClaims.of(request, now, lifetimes.idToken(), AtHash.of(accessToken)))
                : "";
        return new IssuedTokens(accessToken, IssuedTokens.BEARER, accessLifetime.toSeconds(), idToken,
                request.scope(), jti, now.plus(accessLifetime));
    }
}
