package dev.arbor.token.port;

import dev.arbor.token.domain.code.AuthorizationCodeBinding;
import dev.arbor.token.domain.code.CodeRedemption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One-time authorization codes, addressed by the hash of the code (the code itself is never stored).
 */
public interface AuthorizationCodeStore {

    /** Stores the binding until {@code lifetime} has passed. */
    CompletionStage<Void> save(String codeHash, AuthorizationCodeBinding binding, Duration lifetime);

    /**
     * Removes and returns the binding in one atomic step, so of any number of concurrent calls exactly
     * one gets it; the winner also leaves a "redeemed" marker (no tokens yet) for {@code markerLifetime}.
     */
    CompletionStage<Optional<AuthorizationCodeBinding>> take(String codeHash, Duration markerLifetime);

    /** Replaces the marker with one that names the tokens issued from the code. */
    CompletionStage<Void> recordIssued(String codeHash, CodeRedemption redemption, Duration markerLifetime);

    /** The redemption of this code, if it was redeemed within the marker's lifetime. */
    CompletionStage<Optional<CodeRedemption>> redeemedBy(String codeHash);
}
