package dev.arbor.scriptrunner.adapter.in.grpc;

import dev.arbor.contracts.scriptrunner.v1.ExecuteRequest;
import dev.arbor.contracts.scriptrunner.v1.MutinyScriptRunnerGrpc;
import dev.arbor.contracts.scriptrunner.v1.ScriptCallback;
import dev.arbor.contracts.scriptrunner.v1.ScriptLog;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import dev.arbor.scriptrunner.domain.execution.LogEntry;
import dev.arbor.scriptrunner.domain.execution.ScriptExecutionService;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRequest;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * {@code arbor.scriptrunner.v1.ScriptRunner}: runs a script version for a tree node. What the
 * script does wrong is a {@link ScriptResult} error value; only a store outage is a gRPC status.
 */
@GrpcService
public class ScriptRunnerGrpcService extends MutinyScriptRunnerGrpc.ScriptRunnerImplBase {
    private static final Logger LOG = Logger.getLogger(ScriptRunnerGrpcService.class);

    private final ScriptExecutionService executions;

    public ScriptRunnerGrpcService(ScriptExecutionService executions) {
        this.executions = executions;
    }

    @Override
    public Uni<ScriptResult> execute(ExecuteRequest request) {
        ScriptInput input = new ScriptInput(request.getStateMap(), request.getRequestHeadersMap(),
                request.getClientIp(), request.getLocale(), request.getAnswersList().stream()
                        .map(answer -> dev.arbor.scriptrunner.domain.execution.ScriptCallback.answer(answer.getId(),
                                answer.getValue()))
                        .toList());
        ScriptRequest script = new ScriptRequest(request.getRealm(), request.getName(), request.getVersion(),
                request.getOutcomesList(), input);
        return Uni.createFrom().completionStage(() -> executions.execute(script))
                .map(ScriptRunnerGrpcService::toResult)
                .onFailure().transform(failure -> {
                    LOG.errorf("Execute failed: %s", failure.toString());
                    return Status.UNAVAILABLE.withDescription("script runner temporarily unavailable")
                            .asRuntimeException();
                });
    }

    static ScriptResult toResult(ScriptRun run) {
        ScriptResult.Builder result = ScriptResult.newBuilder()
                .setVersion(run.version())
                .putAllStatePatch(run.statePatch());
        run.outcome().ifPresent(result::setOutcome);
        run.error().ifPresent(error -> result
                .setError(ScriptResult.ErrorCode.valueOf(error.code().name()))
                .setMessage(error.message()));
        run.callbacks().forEach(callback -> result.addCallbacks(ScriptCallback.newBuilder()
                .setKind(ScriptCallback.Kind.valueOf(callback.kind().name()))
                .setId(callback.id())
                .setPrompt(callback.prompt())
                .addAllChoices(callback.choices())));
        run.logs().forEach(line -> result.addLogs(ScriptLog.newBuilder()
                .setLevel(level(line.level()))
                .setMessage(line.message())));
        return result.build();
    }

    private static ScriptLog.Level level(LogEntry.Level level) {
        return switch (level) {
            case INFO -> ScriptLog.Level.INFO;
            case WARN -> ScriptLog.Level.WARN;
            case ERROR -> ScriptLog.Level.ERROR;
        };
    }
}
