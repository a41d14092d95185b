package dev.arbor.authtree.fake;

import dev.arbor.contracts.scriptrunner.v1.ExecuteRequest;
import dev.arbor.contracts.scriptrunner.v1.MutinyScriptRunnerGrpc;
import dev.arbor.contracts.scriptrunner.v1.ScriptCallback;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake of the PEER script-runner on this service's test server. Each script name gets a behaviour that tests
 * set: an outcome with a state patch, callbacks, a script error, a slow answer, or "unavailable" (gRPC
 * UNAVAILABLE). Unknown scripts answer NOT_FOUND, as the real runner does. Every request is recorded.
 */
@GrpcService
public class FakeScriptRunner extends MutinyScriptRunnerGrpc.ScriptRunnerImplBase {
    public static final List<ExecuteRequest> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, Function<ExecuteRequest, Uni<ScriptResult>>> SCRIPTS = new ConcurrentHashMap<>();

    public static void reset() {
        CALLS.clear();
        SCRIPTS.clear();
    }

    /** {@code name} answers what {@code behaviour} makes of each request. */
    public static void script(String name, Function<ExecuteRequest, ScriptResult> behaviour) {
        SCRIPTS.put(name, request -> Uni.createFrom().item(behaviour.apply(request)));
    }

    public static void outcome(String name, String outcome, Map<String, String> patch) {
        script(name, request -> decided(outcome, patch));
    }

    public static void error(String name, ScriptResult.ErrorCode error) {
        script(name, request -> ScriptResult.newBuilder().setError(error).setMessage("ReferenceError: x at line 3")
                .build());
    }

    public static void unavailable(String name) {
        SCRIPTS.put(name, request -> Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("down").asRuntimeException()));
    }

    public static void slow(String name, Duration delay) {
        SCRIPTS.put(name, request -> Uni.createFrom().item(decided("allow", Map.of())).onItem().delayIt().by(delay));
    }

    public static ScriptResult decided(String outcome, Map<String, String> patch) {
        return ScriptResult.newBuilder().setOutcome(outcome).putAllStatePatch(patch).setVersion(1).build();
    }

    public static ScriptResult asking(ScriptCallback... callbacks) {
        return ScriptResult.newBuilder().addAllCallbacks(List.of(callbacks)).setVersion(1).build();
    }

    public static List<ExecuteRequest> callsOf(String name) {
        return CALLS.stream().filter(c -> c.getName().equals(name)).toList();
    }

    @Override
    public Uni<ScriptResult> execute(ExecuteRequest request) {
        CALLS.add(request);
        return SCRIPTS.getOrDefault(request.getName(), r -> Uni.createFrom().item(ScriptResult.newBuilder()
                .setError(ScriptResult.ErrorCode.NOT_FOUND).setMessage("no such script").build())).apply(request);
    }
}
