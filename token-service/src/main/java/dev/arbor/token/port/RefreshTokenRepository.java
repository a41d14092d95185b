package dev.arbor.token.port;

import dev.arbor.token.domain.refresh.PresentedRefreshToken;
import dev.arbor.token.domain.refresh.RefreshTokenFamily;
import dev.arbor.token.domain.refresh.StoredRefreshToken;
import dev.arbor.token.domain.revocation.AccessTokenId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Refresh-token families and their tokens, addressed by the token's hash (the token is never stored). */
public interface RefreshTokenRepository {

    /** Stores a new family with its first token. */
    CompletionStage<Void> create(RefreshTokenFamily family, StoredRefreshToken first);

    /**
     * Marks the token used, atomically and at most once across every replica, if it is unused, not
     * expired at {@code now}, of a live family of this realm and client, and {@code scopes} is within
     * the family's grant; answers the family when this call used it, empty in every other case.
     */
    CompletionStage<Optional<RefreshTokenFamily>> redeem(String hash, String realm, String clientId,
            List<String> scopes, Instant now);

    /** The token and its family, whatever their state; for telling why a redemption failed. */
    CompletionStage<Optional<PresentedRefreshToken>> find(String hash);

    /**
     * Adds the next token of a family; answers whether the family was still unrevoked once the token
     * was stored (read after the insert committed, so a concurrent revocation is never missed).
     */
    CompletionStage<Boolean> add(StoredRefreshToken next);

    /**
     * Marks the family revoked (if it was not already) and answers the access tokens issued with its
     * refresh tokens that have not expired at {@code now}.
     */
    CompletionStage<List<AccessTokenId>> revokeFamily(String familyId, Instant now);

    /**
     * Deletes, with their tokens, up to {@code limit} families that ended before {@code endedBefore}: past
     * their absolute expiry, revoked, or with every token past its idle expiry. Such a family can never
     * refresh again; a token of it presented later is simply unknown ({@code invalid_grant} either way).
     *
     * @return how many families were deleted
     */
    CompletionStage<Integer> purgeEnded(Instant endedBefore, int limit);
}
