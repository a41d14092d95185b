package dev.arbor.scriptrunner.adapter.in.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.scriptrunner.v1.ExecuteRequest;
import dev.arbor.contracts.scriptrunner.v1.ScriptLog;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import dev.arbor.contracts.scriptrunner.v1.ScriptRunnerGrpc;
import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against src/test/resources/realms/scripts-exec.yaml: exec-a route v1 published, v2 draft; spin. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ScriptRunnerGrpcTest {
    @GrpcClient("script-runner")
    ScriptRunnerGrpc.ScriptRunnerBlockingStub runner;

    @Test
    void latestPublishedVersionRunsAndReturnsOutcomeStatePatchAndLogs() {
        ScriptResult result = runner.execute(execute("exec-a", "route", 0, List.of("internal", "external"),
                Map.of("clientIp", "10.0.0.7")));

        assertEquals(ScriptResult.ErrorCode.ERROR_CODE_UNSPECIFIED, result.getError());
        assertEquals("internal", result.getOutcome());
        assertEquals(1, result.getVersion());
        assertEquals(Map.of("seenBy", "exec-a"), result.getStatePatchMap());
        assertEquals(List.of(ScriptLog.newBuilder().setLevel(ScriptLog.Level.INFO).setMessage("routing 10.0.0.7").build()),
                result.getLogsList());
    }

    @Test
    void outcomeTheNodeDoesNotDeclareIsInvalidOutcome() {
        ScriptResult result = runner.execute(execute("exec-a", "route", 2, List.of("internal", "external"), Map.of()));

        assertEquals(ScriptResult.ErrorCode.INVALID_OUTCOME, result.getError());
        assertTrue(result.getMessage().contains("\"unknown\""), result.getMessage());
        assertEquals("", result.getOutcome());
    }

    @Test
    void withoutDeclaredOutcomesTheScriptsStoredOutcomesApply() {
        ScriptResult result = runner.execute(execute("exec-a", "route", 2, List.of(), Map.of()));

        assertEquals("unknown", result.getOutcome());
    }

    @Test
    void unknownScriptVersionOrRealmIsNotFound() {
        assertEquals(ScriptResult.ErrorCode.NOT_FOUND,
                runner.execute(execute("exec-a", "nope", 0, List.of(), Map.of())).getError());
        assertEquals(ScriptResult.ErrorCode.NOT_FOUND,
                runner.execute(execute("exec-a", "route", 9, List.of(), Map.of())).getError());
        assertEquals(ScriptResult.ErrorCode.NOT_FOUND,
                runner.execute(execute("exec-b", "route", 0, List.of(), Map.of())).getError());
    }

    @Test
    void runawayScriptIsStoppedAndTheNextCallStillWorks() {
        ScriptResult spin = runner.execute(execute("exec-a", "spin", 0, List.of("done"), Map.of()));
        ScriptResult after = runner.execute(execute("exec-a", "route", 1, List.of("internal", "external"),
                Map.of("clientIp", "192.0.2.1")));

        assertTrue(List.of(ScriptResult.ErrorCode.TIMEOUT, ScriptResult.ErrorCode.LIMIT).contains(spin.getError()));
        assertTrue(!spin.getMessage().contains("Exception") && !spin.getMessage().contains("\tat "), spin.getMessage());
        assertEquals("external", after.getOutcome());
    }

    private static ExecuteRequest execute(String realm, String name, int version, List<String> outcomes,
                                          Map<String, String> state) {
        return ExecuteRequest.newBuilder().setRealm(realm).setName(name).setVersion(version)
                .addAllOutcomes(outcomes).putAllState(state).build();
    }
}
