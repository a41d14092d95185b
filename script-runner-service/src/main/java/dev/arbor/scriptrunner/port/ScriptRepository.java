package dev.arbor.scriptrunner.port;

import dev.arbor.scriptrunner.domain.ImportResult;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where script versions are kept. */
public interface ScriptRepository {
    CompletionStage<Optional<ScriptVersion>> findLatestPublished(String realm, String name);

    CompletionStage<Optional<ScriptVersion>> find(String realm, String name, int version);

    /**
     * Stores each version as {@link dev.arbor.scriptrunner.domain.ImportDecision#of} decides, all in
     * one transaction.
     */
    CompletionStage<List<ImportResult>> importAll(List<ScriptVersion> scripts);
}
