package dev.arbor.scriptrunner.domain.execution;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.scriptrunner.domain.ImportResult;
import dev.arbor.scriptrunner.domain.ScriptCatalogService;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.port.ScriptRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ScriptExecutionServiceTest {
    private static final ScriptVersion SCRIPT = new ScriptVersion("acme", "route", 1, ScriptStatus.PUBLISHED,
            "action.goTo('a')", List.of("a", "b"));

    private static ScriptExecutionService serviceReturning(String outcome) {
        ScriptRepository repository = new ScriptRepository() {
            @Override
            public CompletionStage<Optional<ScriptVersion>> findLatestPublished(String realm, String name) {
                return completedFuture(Optional.of(SCRIPT).filter(s -> s.realm().equals(realm)));
            }

            @Override
            public CompletionStage<Optional<ScriptVersion>> find(String realm, String name, int version) {
                return completedFuture(Optional.of(SCRIPT).filter(s -> s.version() == version));
            }

            @Override
            public CompletionStage<List<ImportResult>> importAll(List<ScriptVersion> scripts) {
                throw new UnsupportedOperationException();
            }
        };
        return new ScriptExecutionService(new ScriptCatalogService(repository),
                (script, state) -> ScriptRun.completed(script.version(), outcome, Map.of(), List.of()), Runnable::run);
    }

    private static ScriptRun run(ScriptExecutionService service, int version, List<String> outcomes) {
        return service.execute(new ScriptRequest("acme", "route", version, outcomes, Map.of()))
                .toCompletableFuture().join();
    }

    @Test
    void givenDeclaredOutcomeWhenExecutedThenOutcomeIsReturned() {
        assertEquals(Optional.of("a"), run(serviceReturning("a"), 0, List.of("a", "b")).outcome());
    }

    @Test
    void givenOutcomeTheNodeDoesNotDeclareWhenExecutedThenInvalidOutcome() {
        ScriptRun run = run(serviceReturning("b"), 0, List.of("a"));

        assertEquals(ScriptErrorCode.INVALID_OUTCOME, run.error().orElseThrow().code());
        assertEquals(Optional.empty(), run.outcome());
    }

    @Test
    void givenNoDeclaredOutcomesWhenExecutedThenTheScriptsOwnOutcomesApply() {
        assertEquals(ScriptErrorCode.INVALID_OUTCOME,
                run(serviceReturning("c"), 0, List.of()).error().orElseThrow().code());
        assertEquals(Optional.of("b"), run(serviceReturning("b"), 0, List.of()).outcome());
    }

    @Test
    void givenUnknownVersionWhenExecutedThenNotFoundWithoutRunning() {
        ScriptRun run = run(serviceReturning("a"), 7, List.of("a"));

        assertEquals(ScriptErrorCode.NOT_FOUND, run.error().orElseThrow().code());
        assertEquals("script 'route' version 7 does not exist in realm 'acme'", run.error().orElseThrow().message());
    }

    @Test
    void givenBlankDeclaredOutcomeWhenExecutedThenInvalidOutcome() {
        assertEquals(ScriptErrorCode.INVALID_OUTCOME,
                run(serviceReturning("a"), 0, List.of("a", " ")).error().orElseThrow().code());
    }
}
