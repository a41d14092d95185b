package dev.arbor.scriptrunner.domain;

import java.util.Locale;
import java.util.Optional;

/** A script version is drafted, then published; only published versions resolve as "latest". */
public enum ScriptStatus {
    DRAFT, PUBLISHED;

    /** The form stored in the database and written in realm YAML. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ScriptStatus> parse(String value) {
        for (ScriptStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
