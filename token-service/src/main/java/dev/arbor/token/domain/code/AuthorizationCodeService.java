package dev.arbor.token.domain.code;

import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.OAuthError;
import dev.arbor.token.domain.TokenResult;
import dev.arbor.token.domain.refresh.IssuedRefreshToken;
import dev.arbor.token.domain.refresh.RefreshTokenService;
import dev.arbor.token.domain.revocation.AccessTokenId;
import dev.arbor.token.domain.revocation.RevocationService;
import dev.arbor.token.domain.token.IssuedTokens;
import dev.arbor.token.domain.token.TokenIssuer;
import dev.arbor.token.port.AuthorizationCodeStore;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §4.1 — Authorization Code Grant, the token-service half: issuing codes (§4.1.2) and
 * redeeming them exactly once (§4.1.3) with PKCE (RFC 7636 §4.6).
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> issued: issue (TTL = code lifetime)
 *   issued --> redeemed: take (GETDEL) + checks pass -> tokens
 *   issued --> burnt: take + a check fails -> invalid_grant
 *   issued --> [*]: lifetime over
 *   redeemed --> replayed: take again -> invalid_grant (+ marker says it was used)
 *   replayed --> [*]: same client -> the marker's access tokens and refresh family are revoked
 * }</pre>
 *
 * <p>The marker is written by the winner of the {@code GETDEL} and, before the tokens are returned,
 * rewritten with their {@code jti}s; a replay on any replica therefore finds them, unless it lands in
 * the few milliseconds between the two writes (then it is refused without revoking).
 */
public final class AuthorizationCodeService {

    private static final System.Logger LOG = System.getLogger(AuthorizationCodeService.class.getName());
    /** RFC 6749 §10.10: at least 128 bits of entropy; we use 256. */
    private static final int CODE_BYTES = 32;
    private static final OAuthError UNKNOWN_CODE =
            OAuthError.invalidGrant("authorization code is invalid, expired or already used");

    private final AuthorizationCodeStore store;
    private final TokenIssuer issuer;
    private final Duration lifetime;
    private final SecureRandom random;
    private final RevocationService revocations;
    private final Clock clock;
    private final RefreshTokenService refreshTokens;

    public AuthorizationCodeService(AuthorizationCodeStore store, TokenIssuer issuer, Duration lifetime,
            SecureRandom random, RevocationService revocations, Clock clock, RefreshTokenService refreshTokens) {
        this.store = store;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.random = random;
        this.revocations = revocations;
        this.clock = clock;
        this.refreshTokens = refreshTokens;
    }

    /** RFC 6749 §4.1.2: a short-lived, single-use code bound to {@code binding}. */
    public CompletionStage<IssuedCode> issue(AuthorizationCodeBinding binding) {
        String code = Base64Url.randomBytes(random, CODE_BYTES);
        return store.save(codeHash(code), binding, lifetime)
                .thenApply(saved -> new IssuedCode(code, lifetime.toSeconds()));
    }

    /** RFC 6749 §4.1.3: redeems the code once; every failure is {@code invalid_grant}. */
    public CompletionStage<TokenResult> redeem(RedemptionRequest request) {
        if (request.code().isEmpty()) {
            return CompletableFuture.completedFuture(TokenResult.rejected(UNKNOWN_CODE));
        }
        String hash = codeHash(request.code());
        return store.take(hash, lifetime).thenCompose(binding -> binding.isPresent()
                ? redeemBound(hash, binding.get(), request)
                : rejectUnknown(hash, request));
    }

    private CompletionStage<TokenResult> redeemBound(String hash, AuthorizationCodeBinding binding,
            RedemptionRequest request) {
        Optional<OAuthError> failure = RedemptionChecks.check(binding, request);
        if (failure.isPresent()) {
            LOG.log(Level.INFO, "Authorization code rejected in realm {0} for client {1}: {2}",
                    request.realm(), request.clientId(), failure.get().description());
            return CompletableFuture.completedFuture(TokenResult.rejected(failure.get()));
        }
        // OIDC Core §3.3.2.11: the ID token of a code redemption carries the code's c_hash.
        return issuer.issue(binding.toTokenRequest(), binding.signingAlg(), request.code())
                .thenCompose(tokens -> withRefreshToken(binding, tokens)
                        .thenCompose(refresh -> remember(hash, binding, tokens, refresh)
                                .thenApply(recorded -> TokenResult.issued(refresh
                                        .map(r -> tokens.withRefreshToken(r.token(), r.expiresIn()))
                                        .orElse(tokens)))));
    }

    /** RFC 6749 §4.1.4: a refresh token comes with the access token when the client's policy says so. */
    private CompletionStage<Optional<IssuedRefreshToken>> withRefreshToken(AuthorizationCodeBinding binding,
            IssuedTokens tokens) {
        return refreshTokens.startFamily(binding.realm(), binding.clientId(), binding.endUser(), binding.scopes(),
                binding.refreshPolicy(), tokens);
    }

    /** Rewrites the marker with the issued token, for as long as the token lives (at least the code lifetime). */
    private CompletionStage<Void> remember(String hash, AuthorizationCodeBinding binding, IssuedTokens tokens,
            Optional<IssuedRefreshToken> refresh) {
        Duration tokenLeft = Duration.between(clock.instant(), tokens.accessTokenExpiresAt());
        Duration markerLifetime = tokenLeft.compareTo(lifetime) > 0 ? tokenLeft : lifetime;
        var redemption = new CodeRedemption(binding.realm(), binding.clientId(),
                List.of(new AccessTokenId(tokens.accessTokenJti(), tokens.accessTokenExpiresAt())),
                refresh.map(IssuedRefreshToken::familyId).orElse(""));
        return store.recordIssued(hash, redemption, markerLifetime);
    }

    private CompletionStage<TokenResult> rejectUnknown(String hash, RedemptionRequest request) {
        return store.redeemedBy(hash).thenCompose(redemption -> {
            if (redemption.isEmpty()) {
                LOG.log(Level.INFO, "Unknown or expired authorization code in realm {0} for client {1}",
                        request.realm(), request.clientId());
                return CompletableFuture.completedFuture(TokenResult.rejected(UNKNOWN_CODE));
            }
            CodeRedemption redeemed = redemption.get();
            // RFC 6749 §4.1.2: "If an authorization code is used more than once, the authorization server
            // MUST deny the request and SHOULD revoke (when possible) all tokens previously issued based
            // on that authorization code." Only the client the code was issued to may trigger that:
            // another client presenting a stolen code must not be able to revoke the victim's tokens.
            if (!redeemed.clientId().equals(request.clientId())) {
                LOG.log(Level.WARNING, "Authorization code replayed in realm {0} by client {1}; it was redeemed by client {2} (code hash {3}...); nothing revoked",
                        request.realm(), request.clientId(), redeemed.clientId(), hash.substring(0, 8));
                return CompletableFuture.completedFuture(TokenResult.rejected(UNKNOWN_CODE));
            }
            LOG.log(Level.WARNING, "Authorization code replayed in realm {0} by client {1} (code hash {2}...); revoking {3} token(s) issued from it",
                    redeemed.realm(), request.clientId(), hash.substring(0, 8), redeemed.accessTokens().size());
            return revocations.revokeAll(redeemed.realm(), redeemed.clientId(), redeemed.accessTokens())
                    .thenCompose(revoked -> redeemed.startedRefreshFamily()
                            ? refreshTokens.revokeFamily(redeemed.realm(), redeemed.clientId(), redeemed.refreshFamilyId())
                            : CompletableFuture.<Void>completedFuture(null))
                    .thenApply(revoked -> TokenResult.rejected(UNKNOWN_CODE));
        });
    }

    /** The code is stored under its SHA-256, so a leak of the store does not leak redeemable codes. */
    static String codeHash(String code) {
        return Base64Url.sha256Encoded(code);
    }
}
