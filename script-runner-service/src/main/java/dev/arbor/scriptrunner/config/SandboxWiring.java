package dev.arbor.scriptrunner.config;

import dev.arbor.scriptrunner.adapter.in.realm.RealmScriptSettingsRegistry;
import dev.arbor.scriptrunner.adapter.out.graaljs.FetchPolicy;
import dev.arbor.scriptrunner.adapter.out.graaljs.GraalScriptSandbox;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import dev.arbor.scriptrunner.adapter.out.worker.ProcessPoolSandbox;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerCommand;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerPoolSettings;
import dev.arbor.scriptrunner.port.ScriptSandbox;
import dev.arbor.scriptrunner.port.ScriptSyntaxChecker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The {@code ScriptSandbox} port by {@code arbor.sandbox.isolation}: the pool of worker processes
 * ({@code process}) or the GraalJS sandbox in this JVM ({@code in-process}). The in-process
 * sandbox is built either way: syntax checks (parsing only) always run here.
 */
public class SandboxWiring {
    private static final Logger LOG = Logger.getLogger(SandboxWiring.class);

    @Produces
    @Singleton
    @Typed({GraalScriptSandbox.class, ScriptSyntaxChecker.class})
    GraalScriptSandbox graalScriptSandbox(ScriptRunnerConfig config, RealmScriptSettingsRegistry realms) {
        return new GraalScriptSandbox(limits(config.sandbox()), fetchPolicy(config.sandbox()), realms::settings);
    }

    /** With process isolation, waits (up to the start timeout) for the first worker, so a ready service can run scripts. */
    @Produces
    @Singleton
    ScriptSandbox scriptSandbox(ScriptRunnerConfig config, GraalScriptSandbox inProcess,
                                RealmScriptSettingsRegistry realms, MeterRegistry registry) {
        ScriptRunnerConfig.Sandbox sandbox = config.sandbox();
        if (sandbox.isolation() == ScriptRunnerConfig.Isolation.IN_PROCESS) {
            return inProcess;
        }
        ScriptRunnerConfig.Workers workers = sandbox.workers();
        ProcessPoolSandbox pool = new ProcessPoolSandbox(new WorkerPoolSettings(workers.count(),
                WorkerCommand.of(workers.maxHeap(), workers.jvmOptions().orElse(List.of()), workers.classpath()),
                workers.maxHeap(), limits(sandbox), fetchPolicy(sandbox), workers.deadlineGrace(),
                workers.startTimeout(), workers.prepareTimeout(), workers.acquireTimeout()), realms::settings, registry);
        if (!pool.awaitFirstWorker(workers.startTimeout())) {
            LOG.errorf("no script worker process started (%s); scripts fail until one does and readiness is DOWN",
                    pool.lastStartFailure().orElse("timed out"));
        }
        return pool;
    }

    void close(@Disposes GraalScriptSandbox sandbox) {
        sandbox.close();
    }

    void close(@Disposes ScriptSandbox sandbox) {
        if (sandbox instanceof ProcessPoolSandbox pool) {
            pool.close();
        }
    }

    public static SandboxLimits limits(ScriptRunnerConfig.Sandbox sandbox) {
        return new SandboxLimits(sandbox.statementLimit(), sandbox.deadline(), sandbox.maxSourceChars(),
                sandbox.maxLogLines(), sandbox.maxLogLineLength(), sandbox.maxStateEntries(),
                sandbox.maxStateValueLength(), sandbox.contextsPerRealm());
    }

    static FetchPolicy fetchPolicy(ScriptRunnerConfig.Sandbox sandbox) {
        ScriptRunnerConfig.Http http = sandbox.http();
        return new FetchPolicy(http.allowPrivateNetworks(), http.defaultTimeout(), http.maxResponseBytes(),
                http.maxFetchesPerRun(), http.maxRequestBodyChars());
    }
}
