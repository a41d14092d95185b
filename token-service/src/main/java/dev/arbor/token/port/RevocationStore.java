package dev.arbor.token.port;

import dev.arbor.token.domain.revocation.Revocation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Revoked access tokens, each kept only as long as the token could still be presented. */
public interface RevocationStore {

    CompletionStage<Void> save(Revocation revocation, Duration ttl);

    /** Every revocation still stored, of every realm. */
    CompletionStage<List<Revocation>> list();
}
