package dev.arbor.authtree.adapter.out.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.authtree.domain.script.ScriptQuestion;
import dev.arbor.authtree.domain.script.ScriptVerdict;
import dev.arbor.contracts.scriptrunner.v1.ScriptCallback;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a ScriptResult is read: anything this service cannot understand is a failed script, never an outcome. */
class ScriptRunnerGrpcGatewayTest {

    @Test
    void anOutcomeWithAPatchIsADecision() {
        assertEquals(new ScriptVerdict.Decided("allow", Map.of("k", "v")), ScriptRunnerGrpcGateway.toVerdict(
                ScriptResult.newBuilder().setOutcome("allow").putStatePatch("k", "v").build()));
    }

    @Test
    void anErrorWinsOverAnOutcome() {
        ScriptVerdict verdict = ScriptRunnerGrpcGateway.toVerdict(ScriptResult.newBuilder().setOutcome("allow")
                .setError(ScriptResult.ErrorCode.LIMIT).setMessage("too many statements").build());
        assertEquals(new ScriptVerdict.Failed("LIMIT", "too many statements", Map.of()), verdict);
    }

    @Test
    void callbacksAreQuestions() {
        ScriptVerdict verdict = ScriptRunnerGrpcGateway.toVerdict(ScriptResult.newBuilder().addCallbacks(
                ScriptCallback.newBuilder().setKind(ScriptCallback.Kind.CHOICE).setId("c").setPrompt("Pick")
                        .addChoices("a").addChoices("b")).build());
        assertEquals(new ScriptVerdict.Asked(List.of(new ScriptQuestion(ScriptQuestion.Kind.CHOICE, "c", "Pick",
                List.of("a", "b"), null)), Map.of()), verdict);
    }

    @Test
    void anUnknownCallbackKindOrNoOutcomeAtAllIsAFailure() {
        assertEquals("UNKNOWN_CALLBACK_KIND", ((ScriptVerdict.Failed) ScriptRunnerGrpcGateway.toVerdict(
                ScriptResult.newBuilder().addCallbacks(ScriptCallback.newBuilder().setId("x")).build())).error());
        assertEquals("NO_OUTCOME", ((ScriptVerdict.Failed) ScriptRunnerGrpcGateway.toVerdict(
                ScriptResult.getDefaultInstance())).error());
    }
}
