package dev.arbor.scriptrunner.adapter.in.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.contracts.scriptrunner.v1.ExecuteRequest;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import dev.arbor.contracts.scriptrunner.v1.ScriptRunnerGrpc;
import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * {@code Execute} through the published-version cache with the real store: rows are written and
 * deleted in SQL behind the service's back (realm "cache-it", used by no other test).
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ScriptCacheGrpcTest {
    @GrpcClient("script-runner")
    ScriptRunnerGrpc.ScriptRunnerBlockingStub runner;

    @Inject
    Pool database;

    @Test
    void pinnedPublishedVersionStillRunsAfterItsRowIsDeleted() {
        insert("pinned", 1, "published", "action.goTo('kept');");
        assertEquals("kept", runner.execute(execute("pinned", 1)).getOutcome());

        delete("pinned", 1);
        ScriptResult afterDelete = runner.execute(execute("pinned", 1));

        assertEquals(ScriptResult.ErrorCode.ERROR_CODE_UNSPECIFIED, afterDelete.getError());
        assertEquals("kept", afterDelete.getOutcome());
    }

    @Test
    void draftIsReadFromTheStoreEveryTime() {
        insert("drafted", 1, "draft", "action.goTo('kept');");
        assertEquals("kept", runner.execute(execute("drafted", 1)).getOutcome());

        delete("drafted", 1);

        assertEquals(ScriptResult.ErrorCode.NOT_FOUND, runner.execute(execute("drafted", 1)).getError());
    }

    @Test
    void newlyPublishedVersionRunsAtOnceWhenPinned() {
        insert("growing", 1, "published", "action.goTo('kept');");
        assertEquals(1, runner.execute(execute("growing", 0)).getVersion());

        insert("growing", 2, "published", "action.goTo('other');");
        ScriptResult pinned = runner.execute(execute("growing", 2));

        assertEquals(2, pinned.getVersion());
        assertEquals("other", pinned.getOutcome());
    }

    private void insert(String name, int version, String status, String source) {
        database.preparedQuery("INSERT INTO script_runner.scripts (realm, name, version, status, source, outcomes)"
                        + " VALUES ('cache-it', $1, $2, $3, $4, ARRAY['kept', 'other'])")
                .execute(Tuple.of(name, version, status, source)).await().indefinitely();
    }

    private void delete(String name, int version) {
        database.preparedQuery("DELETE FROM script_runner.scripts WHERE realm = 'cache-it' AND name = $1 AND version = $2")
                .execute(Tuple.of(name, version)).await().indefinitely();
    }

    private static ExecuteRequest execute(String name, int version) {
        return ExecuteRequest.newBuilder().setRealm("cache-it").setName(name).setVersion(version).build();
    }
}
