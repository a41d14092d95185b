package dev.arbor.scriptrunner.adapter.in.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.scriptrunner.domain.ImportDecision;
import dev.arbor.scriptrunner.domain.ImportResult;
import dev.arbor.scriptrunner.domain.ScriptCatalogService;
import dev.arbor.scriptrunner.domain.ScriptImportService;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class RealmScriptsImportTest {
    @Inject
    RealmScriptsImporter importer;

    @Inject
    ScriptImportService imports;

    @Inject
    ScriptCatalogService catalog;

    @Inject
    Pool database;

    @Test
    void importingTheRealmFolderAgainLeavesOneUnchangedRowPerVersion() throws Throwable {
        List<String> before = rows("risk-score");

        List<ImportResult> second = importer.importRealms();

        assertEquals(List.of("acme/risk-score/1/published", "acme/risk-score/2/draft"), before);
        assertEquals(before, rows("risk-score"));
        assertEquals(5, second.size()); // acme.yaml: 2 versions; scripts-exec.yaml: 3
        assertTrue(second.stream().allMatch(result -> result.decision() == ImportDecision.UNCHANGED));
    }

    @Test
    void templateLiteralInSourceIsStoredVerbatim() throws Throwable {
        ScriptVersion v1 = await(() -> catalog.describe("acme", "risk-score", 1)).orElseThrow();

        assertTrue(v1.source().contains("`${context.username}`"));
    }

    @Test
    void changedPublishedVersionIsKeptAndChangedDraftIsReplaced() throws Throwable {
        await(() -> imports.importAll(List.of(
                script(1, ScriptStatus.PUBLISHED, "original();"), script(2, ScriptStatus.DRAFT, "draft();"))));

        List<ImportResult> results = await(() -> imports.importAll(List.of(
                script(1, ScriptStatus.PUBLISHED, "tampered();"), script(2, ScriptStatus.PUBLISHED, "final();"))));

        assertEquals(ImportDecision.KEEP_PUBLISHED, results.get(0).decision());
        assertEquals(ImportDecision.REPLACE_DRAFT, results.get(1).decision());
        assertEquals("original();", await(() -> catalog.describe("acme", "geo-check", 1)).orElseThrow().source());
        ScriptVersion latest = await(() -> catalog.describe("acme", "geo-check", 0)).orElseThrow();
        assertEquals(2, latest.version());
        assertEquals("final();", latest.source());
        assertEquals(List.of("acme/geo-check/1/published", "acme/geo-check/2/published"), rows("geo-check"));
    }

    private static ScriptVersion script(int version, ScriptStatus status, String source) {
        return new ScriptVersion("acme", "geo-check", version, status, source, List.of("inside", "outside"));
    }

    private List<String> rows(String name) {
        List<String> rows = new ArrayList<>();
        for (Row row : database.preparedQuery(
                        "SELECT realm, name, version, status FROM script_runner.scripts WHERE name = $1 ORDER BY version")
                .execute(Tuple.of(name)).await().indefinitely()) {
            rows.add(row.getString("realm") + "/" + row.getString("name") + "/" + row.getInteger("version") + "/"
                    + row.getString("status"));
        }
        return rows;
    }

    /** Hibernate Reactive needs a Vert.x context; the test thread has none. */
    private static <T> T await(Supplier<CompletionStage<T>> call) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(call));
    }
}
