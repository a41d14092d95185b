package dev.arbor.scriptrunner.domain.execution;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.arbor.scriptrunner.domain.ScriptCatalogService;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.port.ScriptSandbox;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Runs a script reference for a tree node: resolve the version (0 = latest published, as
 * {@link ScriptCatalogService}), run it in the {@link ScriptSandbox} off the caller's thread, then
 * hold the outcome to the node's contract like a ForgeRock node's declared outcomes: an outcome
 * the node does not declare is {@link ScriptErrorCode#INVALID_OUTCOME}, never a silent route.
 */
public final class ScriptExecutionService {
    private final ScriptCatalogService catalog;
    private final ScriptSandbox sandbox;
    private final Executor sandboxThreads;

    public ScriptExecutionService(ScriptCatalogService catalog, ScriptSandbox sandbox, Executor sandboxThreads) {
        this.catalog = catalog;
        this.sandbox = sandbox;
        this.sandboxThreads = sandboxThreads;
    }

    public CompletionStage<ScriptRun> execute(ScriptRequest request) {
        if (request.outcomes().stream().anyMatch(o -> o == null || o.isBlank())) {
            return completedFuture(ScriptRun.failed(0, ScriptErrorCode.INVALID_OUTCOME,
                    "the node declares a blank outcome", Map.of(), List.of()));
        }
        return catalog.describe(request.realm(), request.name(), request.version())
                .thenComposeAsync(found -> found
                        .map(script -> completedFuture(run(script, request)))
                        .orElseGet(() -> completedFuture(ScriptRun.notFound(notFound(request)))), sandboxThreads);
    }

    /** Runs a resolved version (the admin API's test run); the outcome is held to {@code declared}. */
    public ScriptRun runResolved(ScriptVersion script, ScriptRequest request) {
        return run(script, request);
    }

    private ScriptRun run(ScriptVersion script, ScriptRequest request) {
        Set<String> declared = Set.copyOf(request.outcomes().isEmpty() ? script.outcomes() : request.outcomes());
        ScriptRun run = sandbox.run(script, request.input());
        if (run.error().isPresent() || run.isAsking()) {
            return run;
        }
        String outcome = run.outcome().orElseThrow();
        if (!declared.contains(outcome)) {
            return run.withError(ScriptErrorCode.INVALID_OUTCOME, "action.goTo(\"" + abbreviate(outcome)
                    + "\") names an outcome the node does not declare; declared: " + declared.stream().sorted().toList());
        }
        return run;
    }

    private static String notFound(ScriptRequest request) {
        return request.version() == ScriptCatalogService.LATEST_PUBLISHED
                ? "script '" + abbreviate(request.name()) + "' has no published version in realm '"
                        + abbreviate(request.realm()) + "'"
                : "script '" + abbreviate(request.name()) + "' version " + request.version()
                        + " does not exist in realm '" + abbreviate(request.realm()) + "'";
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
