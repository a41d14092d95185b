package dev.arbor.scriptrunner.config;

import dev.arbor.scriptrunner.adapter.in.realm.RealmScriptSettingsRegistry;
import dev.arbor.scriptrunner.adapter.out.graaljs.FetchPolicy;
import dev.arbor.scriptrunner.adapter.out.graaljs.GraalScriptSandbox;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The GraalJS sandbox (the {@code ScriptSandbox} port) with the configured limits; its engine and contexts close at shutdown. */
public class SandboxWiring {
    @Produces
    @Singleton
    GraalScriptSandbox graalScriptSandbox(ScriptRunnerConfig config, RealmScriptSettingsRegistry realms) {
        ScriptRunnerConfig.Http http = config.sandbox().http();
        return new GraalScriptSandbox(limits(config.sandbox()), new FetchPolicy(http.allowPrivateNetworks(),
                http.defaultTimeout(), http.maxResponseBytes(), http.maxFetchesPerRun(), http.maxRequestBodyChars()),
                realms::settings);
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
