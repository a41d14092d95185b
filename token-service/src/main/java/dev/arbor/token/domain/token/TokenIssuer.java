package dev.arbor.token.domain.token;

import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.key.SigningKey;
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
 * Mints the tokens of a checked grant with the realm's signing key of the requested algorithm: a
 * JWT access token (RFC 9068) and, when {@code openid} was granted for a user, an ID token (OIDC
 * Core §2) whose {@code at_hash} binds it to that access token (OIDC Core §3.1.3.6) and, when it
 * comes from a code, whose {@code c_hash} binds it to the code (§3.3.2.11).
 *
 * <p>Signing runs on {@code signingExecutor}, not on the thread that completed the key lookup: an
 * RS256 signature costs about a millisecond of CPU, and every gRPC call from one federation replica
 * arrives over one HTTP/2 connection, that is on one event-loop thread. Signed there, all tokens of
 * that replica would share one core.
 */
public final class TokenIssuer {

    private final SigningKeyService signingKeys;
    private final JwtSigner signer;
    private final TokenLifetimes lifetimes;
    private final Clock clock;
    private final SecureRandom random;
    private final Executor signingExecutor;

    public TokenIssuer(SigningKeyService signingKeys, JwtSigner signer, TokenLifetimes lifetimes, Clock clock,
            SecureRandom random, Executor signingExecutor) {
        this.signingKeys = signingKeys;
        this.signer = signer;
        this.lifetimes = lifetimes;
        this.clock = clock;
        this.random = random;
        this.signingExecutor = signingExecutor;
    }

    /** An issuer that signs on the calling thread (tests). */
    public TokenIssuer(SigningKeyService signingKeys, JwtSigner signer, TokenLifetimes lifetimes, Clock clock,
            SecureRandom random) {
        this(signingKeys, signer, lifetimes, clock, random, Runnable::run);
    }

    public CompletionStage<IssuedTokens> issue(TokenRequest request) {
        return issue(request, SigningAlgorithm.DEFAULT);
    }

    /** Tokens signed with the realm's current key of {@code alg}. */
    public CompletionStage<IssuedTokens> issue(TokenRequest request, SigningAlgorithm alg) {
        return issue(request, alg, "");
    }

    /** Tokens signed with {@code alg}; a non-empty {@code code} puts its {@code c_hash} in the ID token. */
    public CompletionStage<IssuedTokens> issue(TokenRequest request, SigningAlgorithm alg, String code) {
        return signingKeys.signingKey(request.realm(), alg)
                .thenApplyAsync(key -> mint(key, request, code), signingExecutor);
    }

    private IssuedTokens mint(SigningKey key, TokenRequest request, String code) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration accessLifetime = lifetimes.accessTokenFor(request.accessTokenLifetimeSeconds());
        // RFC 9068 §2.2: jti is a unique identifier; 128 random bits make a collision negligible.
        String jti = Base64Url.randomBytes(random, 16);
        String accessToken = signer.sign(key, AccessTokenClaims.TYPE,
                AccessTokenClaims.of(request, now, accessLifetime, jti));
        String idToken = request.wantsIdToken()
                ? signer.sign(key, IdTokenClaims.TYPE,
                        IdTokenClaims.of(request, now, lifetimes.idToken(), IdTokenHash.of(key.alg(), accessToken),
                                code.isEmpty() ? "" : IdTokenHash.of(key.alg(), code)))
                : "";
        return new IssuedTokens(accessToken, IssuedTokens.BEARER, accessLifetime.toSeconds(), idToken,
                request.scope(), jti, now.plus(accessLifetime));
    }
}
