package dev.arbor.scriptrunner.domain;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.arbor.scriptrunner.port.ScriptRepository;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Answers "which script is this reference, and what can it return?". Version 0 means the latest
 * <em>published</em> version, so a draft never runs by accident; an explicit version resolves
 * whatever its status, so a draft tree can be validated against a draft script. Anything that
 * cannot match (blank names, a negative version) is simply not found.
 */
public final class ScriptCatalogService {
    public static final int LATEST_PUBLISHED = 0;

    private final ScriptRepository repository;

    public ScriptCatalogService(ScriptRepository repository) {
        this.repository = repository;
    }

    public CompletionStage<Optional<ScriptVersion>> describe(String realm, String name, int version) {
        if (isBlank(realm) || isBlank(name) || version < 0) {
            return completedFuture(Optional.empty());
        }
        return version == LATEST_PUBLISHED
                ? repository.findLatestPublished(realm, name)
                : repository.find(realm, name, version);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
