package dev.arbor.token.domain.refresh;

import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.OAuthError;
import dev.arbor.token.domain.TokenResult;
import dev.arbor.token.domain.revocation.AccessTokenId;
import dev.arbor.token.domain.revocation.RevocationService;
import dev.arbor.token.domain.token.EndUser;
import dev.arbor.token.domain.token.IssuedTokens;
import dev.arbor.token.domain.token.TokenIssuer;
import dev.arbor.token.domain.token.TokenRequest;
import dev.arbor.token.port.RefreshTokenRepository;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §6 — Refreshing an Access Token, with refresh token rotation (RFC 9700 §4.14.2): every
 * use of a refresh token returns a new one of the same family, and the used one is dead.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> unused: code redeemed (new family) / previous token rotated
 *   unused --> used: one atomic UPDATE ... WHERE used_at IS NULL -> new access + refresh token
 *   unused --> [*]: idle or absolute lifetime over -> invalid_grant
 *   used --> familyRevoked: presented again (reuse) -> invalid_grant
 *   unused --> familyRevoked: RFC 7009 revocation, code replay, reuse of a sibling
 * }</pre>
 *
 * <p><b>Why SHA-256 and not a password hash.</b> A refresh token is 256 random bits; nobody can
 * guess or brute-force a preimage of its hash, so a slow, salted hash (bcrypt, Argon2) would only
 * cost every refresh CPU time and protect nothing. An unsalted SHA-256 also lets the hash be the
 * primary key, found with one index lookup.
 *
 * <p><b>Concurrency.</b> Of N requests presenting the same token, exactly one wins the UPDATE (on any
 * replica: PostgreSQL serialises the row). The losers present a token that is, by then, used: that
 * is exactly what RFC 9700 §4.14.2 calls reuse, and we treat it so (strict reading): the family is
 * revoked, including the tokens the winner just received. A client that fires two refreshes at once
 * loses its session; an attacker racing the legitimate client cannot keep a stolen family alive.
 *
 * <p>The client is checked before anything happens, so another client presenting a stolen token can
 * neither use nor burn nor revoke the victim's family.
 */
public final class RefreshTokenService {

    private static final System.Logger LOG = System.getLogger(RefreshTokenService.class.getName());
    /** 256 bits: far beyond RFC 6749 §10.10's 128, and what makes a fast hash safe (see above). */
    private static final int TOKEN_BYTES = 32;
    /** Ours are 43 characters; anything much longer is not ours and is not worth hashing. */
    private static final int MAX_TOKEN_LENGTH = 256;
    private static final OAuthError INVALID =
            OAuthError.invalidGrant("refresh token is invalid, expired, revoked or already used");

    private final RefreshTokenRepository repository;
    private final TokenIssuer issuer;
    private final RevocationService revocations;
    private final RefreshTokenLifetimes lifetimes;
    private final SecureRandom random;
    private final Clock clock;

    public RefreshTokenService(RefreshTokenRepository repository, TokenIssuer issuer, RevocationService revocations,
            RefreshTokenLifetimes lifetimes, SecureRandom random, Clock clock) {
        this.repository = repository;
        this.issuer = issuer;
        this.revocations = revocations;
        this.lifetimes = lifetimes;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Starts a family with the tokens of a redeemed code, when the policy asks for refresh tokens and
     * a user is behind the grant (RFC 6749 §4.4.3: none for client credentials).
     *
     * @param tokens the access token issued from the code, revoked with the family
     */
    public CompletionStage<Optional<IssuedRefreshToken>> startFamily(String realm, String clientId, EndUser user,
            List<String> scopes, RefreshPolicy policy, IssuedTokens tokens) {
        if (!policy.issue() || user == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Instant now = clock.instant();
        var family = new RefreshTokenFamily(UUID.randomUUID().toString(), realm, clientId, user, scopes, now,
                now.plus(lifetimes.absoluteFor(policy)), Optional.empty());
        String token = Base64Url.randomBytes(random, TOKEN_BYTES);
        StoredRefreshToken first = next(family, token, now, lifetimes.idleFor(policy), tokens);
        return repository.create(family, first).thenApply(created -> Optional.of(
                new IssuedRefreshToken(token, family.id(), secondsUntil(now, first.idleExpiresAt()))));
    }

    /** RFC 6749 §6: a new access token (and ID token) and the next refresh token of the family. */
    public CompletionStage<TokenResult> refresh(RefreshRequest request) {
        if (request.refreshToken().isEmpty() || request.refreshToken().length() > MAX_TOKEN_LENGTH) {
            return rejected(INVALID);
        }
        String hash = hash(request.refreshToken());
        Instant now = clock.instant();
        return repository.redeem(hash, request.realm(), request.clientId(), request.scopes(), now)
                .thenCompose(family -> family.isPresent()
                        ? rotate(family.get(), request, now)
                        : explain(hash, request, now));
    }

    /**
     * RFC 7009 §2.1: revokes the family of a refresh token and every access token issued from it.
     *
     * @return false, without revoking anything, for an unknown token or another client's
     */
    public CompletionStage<Boolean> revoke(String realm, String clientId, String refreshToken) {
        if (refreshToken == null || refreshToken.isEmpty() || refreshToken.length() > MAX_TOKEN_LENGTH) {
            return CompletableFuture.completedFuture(false);
        }
        return repository.find(hash(refreshToken)).thenCompose(found -> {
            if (found.isEmpty() || !isOwnedBy(found.get().family(), realm, clientId)) {
                return CompletableFuture.completedFuture(false);
            }
            RefreshTokenFamily family = found.get().family();
            return revokeFamily(family.realm(), family.clientId(), family.id()).thenApply(done -> true);
        });
    }

    /** Revokes the family and, through {@link RevocationService}, its access tokens still alive. */
    public CompletionStage<Void> revokeFamily(String realm, String clientId, String familyId) {
        return repository.revokeFamily(familyId, clock.instant())
                .thenCompose(alive -> revocations.revokeAll(realm, clientId, alive));
    }

    private CompletionStage<TokenResult> rotate(RefreshTokenFamily family, RefreshRequest request, Instant now) {
        // RFC 6749 §6: the access token gets the requested (narrowed) scope; the family keeps the grant.
        List<String> scopes = request.scopes().isEmpty() ? family.scopes() : request.scopes();
        // OIDC Core §12.2: same sub, auth_time, acr, amr, sid; no nonce.
        var tokenRequest = new TokenRequest(family.realm(), request.issuer(), family.clientId(), scopes, "",
                family.endUser(), request.accessTokenLifetimeSeconds());
        return issuer.issue(tokenRequest, request.signingAlg()).thenCompose(tokens -> {
            String token = Base64Url.randomBytes(random, TOKEN_BYTES);
            StoredRefreshToken next = next(family, token, now, lifetimes.idleFor(request.policy()), tokens);
            IssuedTokens issued = tokens.withRefreshToken(token, secondsUntil(now, next.idleExpiresAt()));
            return repository.add(next).thenCompose(alive -> alive
                    ? CompletableFuture.completedFuture(TokenResult.issued(issued))
                    : revokeLate(family, next.accessToken()).thenApply(done -> TokenResult.issued(issued)));
        });
    }

    /** The family was revoked while these tokens were minted (a concurrent reuse): they die with it. */
    private CompletionStage<Void> revokeLate(RefreshTokenFamily family, AccessTokenId accessToken) {
        LOG.log(Level.INFO, "Refresh token family {0} was revoked during a refresh; its new access token is revoked too",
                family.id());
        return revocations.revokeAll(family.realm(), family.clientId(), List.of(accessToken));
    }

    /** Why the atomic redemption did not use the token; only a reuse by the owning client revokes. */
    private CompletionStage<TokenResult> explain(String hash, RefreshRequest request, Instant now) {
        return repository.find(hash).thenCompose(found -> {
            String prefix = hash.substring(0, 8);
            if (found.isEmpty()) {
                LOG.log(Level.INFO, "Unknown refresh token in realm {0} for client {1}", request.realm(),
                        request.clientId());
                return rejected(INVALID);
            }
            RefreshTokenFamily family = found.get().family();
            if (!isOwnedBy(family, request.realm(), request.clientId())) {
                LOG.log(Level.WARNING, "Refresh token (hash {0}...) of client {1} presented by client {2} in realm {3}; nothing revoked",
                        prefix, family.clientId(), request.clientId(), request.realm());
                return rejected(INVALID);
            }
            if (family.isRevoked()) {
                return rejected(INVALID);
            }
            if (found.get().token().isUsed()) {
                // RFC 9700 §4.14.2: a rotated token presented again means it leaked; revoke the family.
                LOG.log(Level.WARNING, "Refresh token reuse in realm {0} by client {1} (hash {2}...); revoking family {3}",
                        family.realm(), family.clientId(), prefix, family.id());
                return revokeFamily(family.realm(), family.clientId(), family.id()).thenApply(done -> reject(INVALID));
            }
            if (family.isExpiredAt(now) || found.get().token().isIdleExpiredAt(now)) {
                return rejected(INVALID);
            }
            if (!family.grants(request.scopes())) {
                return rejected(OAuthError.invalidScope("scope exceeds the scope originally granted"));
            }
            return rejected(INVALID);
        });
    }

    private StoredRefreshToken next(RefreshTokenFamily family, String token, Instant now, Duration idle,
            IssuedTokens tokens) {
        Instant idleEnd = now.plus(idle);
        Instant expires = idleEnd.isBefore(family.absoluteExpiresAt()) ? idleEnd : family.absoluteExpiresAt();
        return new StoredRefreshToken(hash(token), family.id(), now, expires, Optional.empty(),
                new AccessTokenId(tokens.accessTokenJti(), tokens.accessTokenExpiresAt()));
    }

    private static boolean isOwnedBy(RefreshTokenFamily family, String realm, String clientId) {
        return family.realm().equals(realm) && family.clientId().equals(clientId);
    }

    private static long secondsUntil(Instant now, Instant end) {
        return Math.max(0, Duration.between(now, end).toSeconds());
    }

    private static TokenResult reject(OAuthError error) {
        return TokenResult.rejected(error);
    }

    private static CompletionStage<TokenResult> rejected(OAuthError error) {
        return CompletableFuture.completedFuture(reject(error));
    }

    /** SHA-256, base64url: see the class comment for why a fast hash is the right one here. */
    static String hash(String refreshToken) {
        return Base64Url.sha256Encoded(refreshToken);
    }
}
