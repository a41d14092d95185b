package dev.arbor.scriptrunner.port;

import dev.arbor.scriptrunner.domain.admin.ScriptSummary;
import dev.arbor.scriptrunner.domain.admin.StoredScript;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What the script admin API needs from the store, besides the reads of {@link ScriptRepository}. */
public interface ScriptAdminRepository {
    CompletionStage<List<ScriptSummary>> list(String realm);

    /** {@code version} 0: the highest version, whatever its status. */
    CompletionStage<Optional<StoredScript>> find(String realm, String name, int version);

    /** Inserts a new version; fails with a CONFLICT {@code ScriptAdminException} when the key exists. */
    CompletionStage<StoredScript> insert(StoredScript script);

    /** Turns a draft into a published version; false when it is not a draft (or does not exist). */
    CompletionStage<Boolean> publish(String realm, String name, int version);

    /** Deletes every version of a script that has no published version; the number of rows deleted. */
    CompletionStage<Integer> deleteUnpublished(String realm, String name);
}
