package dev.arbor.scriptrunner.config;

import dev.arbor.scriptrunner.adapter.out.graaljs.GraalScriptSandbox;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The GraalJS sandbox (the {@code ScriptSandbox} port) with the configured limits; its engine and contexts close at shutdown. */
public class SandboxWiring {
    @Produces
    @Singleton
    GraalScriptSandbox graalScriptSandbox(ScriptRunnerConfig config) {
        return new GraalScriptSandbox(limits(config.sandbox()));
    }

    void close(@Disposes GraalScriptSandbox sandbox) {
        sandbox.close();
    }

    public static SandboxLimits limits(ScriptRunnerConfig.Sandbox sandbox) {
        return new SandboxLimits(sandbox.statementLimit(), sandbox.deadline(), sandbox.maxSourceChars(),
                sandbox.maxLogLines(), sandbox.maxLogLineLength(), sandbox.maxStateEntries(),
                sandbox.maxStateValueLength(), sandbox.contextsPerRealm());
    }
}
