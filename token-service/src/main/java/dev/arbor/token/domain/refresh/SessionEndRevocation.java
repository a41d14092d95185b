package dev.arbor.token.domain.refresh;

import dev.arbor.token.port.SessionRefreshFamilies;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Refresh tokens end with the SSO session they came from (OpenID Connect RP-Initiated Logout 1.0 §2 and
 * Back-Channel Logout 1.0 §2.7: after a logout the RP must not go on obtaining tokens for the session).
 * Every family of the session is revoked through the same path as RFC 7009 revocation and reuse
 * detection ({@link RefreshTokenService#revokeFamily}), so the access tokens still alive are revoked
 * and announced as {@code token.revoked} too. Idempotent: a family revoked once is not listed again.
 */
public final class SessionEndRevocation {

    private static final System.Logger LOG = System.getLogger(SessionEndRevocation.class.getName());

    private final SessionRefreshFamilies families;
    private final RefreshTokenService refreshTokens;

    public SessionEndRevocation(SessionRefreshFamilies families, RefreshTokenService refreshTokens) {
        this.families = families;
        this.refreshTokens = refreshTokens;
    }

    /** @return how many families this call revoked */
    public CompletionStage<Integer> sessionEnded(String realm, String sessionId) {
        if (realm == null || realm.isBlank() || sessionId == null || sessionId.isBlank()) {
            return CompletableFuture.completedFuture(0);
        }
        return families.unrevokedFamiliesOf(realm, sessionId).thenCompose(found -> revokeAll(found)
                .thenApply(done -> {
                    if (!found.isEmpty()) {
                        LOG.log(Level.INFO, "Session of realm {0} ended: revoked {1} refresh token families",
                                realm, found.size());
                    }
                    return found.size();
                }));
    }

    private CompletionStage<Void> revokeAll(List<RefreshTokenFamily> found) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (RefreshTokenFamily family : found) {
            chain = chain.thenCompose(v -> refreshTokens.revokeFamily(family.realm(), family.clientId(), family.id()));
        }
        return chain;
    }
}
