package dev.arbor.authtree.adapter.out.grpc;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.script.ScriptCall;
import dev.arbor.authtree.domain.script.ScriptQuestion;
import dev.arbor.authtree.domain.script.ScriptVerdict;
import dev.arbor.authtree.node.DependencyUnavailableException;
import dev.arbor.authtree.port.ScriptRunnerGateway;
import dev.arbor.contracts.scriptrunner.v1.ExecuteRequest;
import dev.arbor.contracts.scriptrunner.v1.ScriptCallback;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import dev.arbor.contracts.scriptrunner.v1.ScriptRunnerGrpc;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * script-runner {@code ScriptRunner.Execute} with the deadline {@code arbor.authtree.script-timeout}. Any call
 * that does not end OK (UNAVAILABLE, DEADLINE_EXCEEDED, a refusal) is a {@link DependencyUnavailableException}:
 * the node fails closed. A result this service cannot read (an unknown error code or callback kind) is a
 * failed script, never an outcome.
 */
@ApplicationScoped
public class ScriptRunnerGrpcGateway implements ScriptRunnerGateway {
    private static final Logger LOG = Logger.getLogger(ScriptRunnerGrpcGateway.class);

    private final ScriptRunnerGrpc.ScriptRunnerBlockingStub stub;
    private final Duration timeout;

    public ScriptRunnerGrpcGateway(@GrpcClient("script-runner") ScriptRunnerGrpc.ScriptRunnerBlockingStub stub,
            ArborConfig config) {
        this.stub = stub;
        this.timeout = config.authtree().scriptTimeout();
    }

    @Override
    public ScriptVerdict execute(ScriptCall call) {
        ExecuteRequest.Builder request = ExecuteRequest.newBuilder()
                .setRealm(call.realm())
                .setName(call.script())
                .setVersion(call.version())
                .addAllOutcomes(call.outcomes())
                .putAllState(call.state())
                .putAllRequestHeaders(call.requestHeaders())
                .setClientIp(call.clientIp())
                .setLocale(call.locale());
        call.answers().forEach(a -> request.addAnswers(toMessage(a)));
        ScriptResult result;
        try {
            result = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(request.build());
        } catch (StatusRuntimeException e) {
            LOG.warnf("script-runner Execute of %s in realm %s failed: %s", call.script(), call.realm(),
                    e.getStatus().getCode());
            throw new DependencyUnavailableException("script-runner", e);
        }
        result.getLogsList().forEach(l -> LOG.debugf("script %s [%s] %s", call.script(), l.getLevel(), l.getMessage()));
        return toVerdict(result);
    }

    static ScriptVerdict toVerdict(ScriptResult result) {
        if (result.getError() != ScriptResult.ErrorCode.ERROR_CODE_UNSPECIFIED) {
            return new ScriptVerdict.Failed(result.getError().name(), result.getMessage(), result.getStatePatchMap());
        }
        if (result.getCallbacksCount() > 0) {
            List<Optional<ScriptQuestion>> questions = result.getCallbacksList().stream()
                    .map(ScriptRunnerGrpcGateway::toQuestion).toList();
            if (questions.stream().anyMatch(Optional::isEmpty)) {
                return new ScriptVerdict.Failed("UNKNOWN_CALLBACK_KIND", "", result.getStatePatchMap());
            }
            return new ScriptVerdict.Asked(questions.stream().map(Optional::get).toList(), result.getStatePatchMap());
        }
        if (result.getOutcome().isEmpty()) {
            return new ScriptVerdict.Failed("NO_OUTCOME", "", result.getStatePatchMap());
        }
        return new ScriptVerdict.Decided(result.getOutcome(), result.getStatePatchMap());
    }

    private static Optional<ScriptQuestion> toQuestion(ScriptCallback c) {
        ScriptQuestion.Kind kind = switch (c.getKind()) {
            case TEXT -> ScriptQuestion.Kind.TEXT;
            case CHOICE -> ScriptQuestion.Kind.CHOICE;
            case CONFIRMATION -> ScriptQuestion.Kind.CONFIRMATION;
            case MESSAGE -> ScriptQuestion.Kind.MESSAGE;
            case KIND_UNSPECIFIED, UNRECOGNIZED -> null;
        };
        return Optional.ofNullable(kind)
                .map(k -> new ScriptQuestion(k, c.getId(), c.getPrompt(), c.getChoicesList(), null));
    }

    private static ScriptCallback toMessage(ScriptQuestion answer) {
        return ScriptCallback.newBuilder()
                .setKind(ScriptCallback.Kind.valueOf(answer.kind().name()))
                .setId(answer.id())
                .setValue(answer.value() == null ? "" : answer.value())
                .build();
    }
}
