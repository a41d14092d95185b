package dev.arbor.scriptrunner.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptVersionTest {
    @Test
    void versionBelowOneIsRejected() {
        assertThrows(InvalidScriptException.class,
                () -> new ScriptVersion("acme", "risk", 0, ScriptStatus.DRAFT, "x", List.of("ok")));
    }

    @Test
    void scriptWithoutOutcomesIsRejected() {
        assertThrows(InvalidScriptException.class,
                () -> new ScriptVersion("acme", "risk", 1, ScriptStatus.DRAFT, "x", List.of()));
    }

    @Test
    void duplicateOutcomesAreRejected() {
        assertThrows(InvalidScriptException.class,
                () -> new ScriptVersion("acme", "risk", 1, ScriptStatus.DRAFT, "x", List.of("ok", "ok")));
    }

    @Test
    void missingStatusIsRejected() {
        assertThrows(InvalidScriptException.class,
                () -> new ScriptVersion("acme", "risk", 1, null, "x", List.of("ok")));
    }
}
