package dev.arbor.scriptrunner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Typed configuration of script-runner-service (keys under {@code arbor.}). */
@ConfigMapping(prefix = "arbor")
public interface ScriptRunnerConfig {
    Realms realms();

    interface Realms {
        /**
         * {@code arbor.realms.dir}: folder of realm YAML files whose {@code scripts:} sections are
         * imported at start-up; relative paths resolve against the working directory.
         */
        @WithDefault("deploy/local/realms")
        Path dir();
    }
}
