package dev.arbor.scriptrunner.adapter.out.worker;

import dev.arbor.scriptrunner.port.ScriptSandbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while at least one script worker process runs ({@code arbor.sandbox.isolation=process}):
 * with none, every {@code Execute} would wait and fail. The reason of a failed start (no stack
 * trace) is in the check's data. Always up with {@code in-process} isolation.
 */
@Readiness
@ApplicationScoped
public class ScriptWorkersReadinessCheck implements HealthCheck {
    static final String NAME = "script-workers";

    private final ScriptSandbox sandbox;

    public ScriptWorkersReadinessCheck(ScriptSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!(sandbox instanceof ProcessPoolSandbox pool)) {
            return response.up().withData("isolation", "in-process").build();
        }
        response.withData("isolation", "process").withData("live", pool.liveWorkers()).withData("size", pool.size());
        pool.lastStartFailure().ifPresent(failure -> response.withData("lastStartFailure", failure));
        return response.status(pool.liveWorkers() > 0).build();
    }
}
