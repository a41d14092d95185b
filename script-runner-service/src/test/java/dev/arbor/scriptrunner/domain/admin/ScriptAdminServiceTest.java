package dev.arbor.scriptrunner.domain.admin;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.scriptrunner.domain.ScriptCatalogService;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.admin.ScriptAdminException.Kind;
import dev.arbor.scriptrunner.domain.execution.ScriptExecutionService;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import dev.arbor.scriptrunner.port.ScriptAdminRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The admin rules with an in-memory store and a stub syntax checker. */
class ScriptAdminServiceTest {
    final List<StoredScript> rows = new ArrayList<>();
    boolean publishLosesRace;
    final AtomicInteger syntaxChecks = new AtomicInteger();

    final ScriptAdminRepository repository = new ScriptAdminRepository() {
        @Override
        public CompletionStage<List<ScriptSummary>> list(String realm) {
            return completedFuture(List.of());
        }

        @Override
        public CompletionStage<Optional<StoredScript>> find(String realm, String name, int version) {
            return completedFuture(rows.stream().filter(r -> r.script().name().equals(name))
                    .filter(r -> version == 0 || r.script().version() == version)
                    .max(Comparator.comparingInt(r -> r.script().version())));
        }

        @Override
        public CompletionStage<StoredScript> insert(StoredScript script) {
            rows.add(script);
            return completedFuture(script);
        }

        @Override
        public CompletionStage<Boolean> publish(String realm, String name, int version) {
            return completedFuture(!publishLosesRace);
        }

        @Override
        public CompletionStage<Integer> deleteUnpublished(String realm, String name) {
            boolean published = rows.stream().anyMatch(r -> r.script().name().equals(name) && r.script().isPublished());
            int before = rows.size();
            if (!published) {
                rows.removeIf(r -> r.script().name().equals(name));
            }
            return completedFuture(before - rows.size());
        }
    };

    final ScriptAdminService service = new ScriptAdminService(repository, source -> {
        syntaxChecks.incrementAndGet();
        return source.contains("@@") ? Optional.of(new SyntaxProblem("bad", 1, 3)) : Optional.empty();
    }, new ScriptExecutionService(new ScriptCatalogService(null),
            (script, state) -> ScriptRun.completed(script.version(), "a", Map.of(), List.of()), Runnable::run),
            Runnable::run, 100);

    static ScriptDraft draft(String source) {
        return new ScriptDraft(source, List.of("a", "b"), null);
    }

    static Kind kind(Runnable call) {
        return assertThrows(ScriptAdminException.class, call::run).kind();
    }

    static Kind kindOf(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return ((ScriptAdminException) e.getCause()).kind();
    }

    void stored(int version, ScriptStatus status) {
        rows.add(new StoredScript(new ScriptVersion("r", "s", version, status, "x;", List.of("a")), null, Instant.EPOCH));
    }

    @Test
    void sizeIsCheckedBeforeSyntaxSoAHugeSourceIsNeverParsed() {
        assertEquals(Kind.TOO_LARGE, kind(() -> service.check("s", draft("@@" + "x".repeat(200)))));
        assertEquals(0, syntaxChecks.get());
        assertEquals(Kind.INVALID, kind(() -> service.check("s", draft("@@"))));
        ScriptAdminException e = assertThrows(ScriptAdminException.class, () -> service.check("s", draft("@@")));
        assertEquals(new SyntaxProblem("bad", 1, 3), e.syntax());
        assertTrue(e.getMessage().endsWith("(line 1, column 3)"), e.getMessage());
    }

    @Test
    void createIsVersionOneDraftAndUpdatesAreTheNextDrafts() {
        service.create("r", service.check("s", draft("x;"))).toCompletableFuture().join();
        StoredScript second = service.update("r", "s", service.check(null, draft("y;"))).toCompletableFuture().join();

        assertEquals(2, second.script().version());
        assertEquals(ScriptStatus.DRAFT, second.script().status());
        assertEquals(Kind.CONFLICT, kindOf(service.create("r", service.check("s", draft("x;")))));
        assertEquals(Kind.NOT_FOUND, kindOf(service.update("r", "other", service.check(null, draft("x;")))));
    }

    @Test
    void publishingAPublishedVersionOrLosingARaceIsAConflict() {
        stored(1, ScriptStatus.PUBLISHED);
        assertEquals(Kind.CONFLICT, kindOf(service.publish("r", "s", 1)));

        stored(2, ScriptStatus.DRAFT);
        publishLosesRace = true;
        assertEquals(Kind.CONFLICT, kindOf(service.publish("r", "s", 0)));

        publishLosesRace = false;
        assertEquals(ScriptStatus.PUBLISHED, service.publish("r", "s", 0).toCompletableFuture().join().script().status());
    }

    @Test
    void deleteRefusesAScriptWithAPublishedVersion() {
        stored(1, ScriptStatus.PUBLISHED);
        stored(2, ScriptStatus.DRAFT);

        assertEquals(Kind.CONFLICT, kindOf(service.delete("r", "s")));
        assertEquals(2, rows.size());
        assertEquals(Kind.NOT_FOUND, kindOf(service.delete("r", "missing")));
    }

    @Test
    void outcomesMustBeDistinctIdentifiers() {
        for (List<String> outcomes : List.of(List.<String>of(), List.of("1st"), List.of("a b"), List.of("a", "a"))) {
            assertEquals(Kind.INVALID, kind(() -> service.check("s", new ScriptDraft("x;", outcomes, null))),
                    outcomes.toString());
        }
        assertEquals(Kind.INVALID, kind(() -> service.check("../etc", draft("x;"))));
    }
}
