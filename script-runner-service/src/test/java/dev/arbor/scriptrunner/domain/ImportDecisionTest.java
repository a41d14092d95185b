package dev.arbor.scriptrunner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportDecisionTest {
    private static ScriptVersion script(ScriptStatus status, String source) {
        return new ScriptVersion("acme", "risk", 1, status, source, List.of("low", "high"));
    }

    @Test
    void notStoredYetIsInserted() {
        assertEquals(ImportDecision.INSERT,
                ImportDecision.of(Optional.empty(), script(ScriptStatus.DRAFT, "a")));
    }

    @Test
    void sameContentAgainChangesNothing() {
        assertEquals(ImportDecision.UNCHANGED, ImportDecision.of(
                Optional.of(script(ScriptStatus.PUBLISHED, "a")), script(ScriptStatus.PUBLISHED, "a")));
    }

    @Test
    void changedDraftIsReplacedAndADraftCanBePublished() {
        assertEquals(ImportDecision.REPLACE_DRAFT, ImportDecision.of(
                Optional.of(script(ScriptStatus.DRAFT, "a")), script(ScriptStatus.DRAFT, "b")));
        assertEquals(ImportDecision.REPLACE_DRAFT, ImportDecision.of(
                Optional.of(script(ScriptStatus.DRAFT, "a")), script(ScriptStatus.PUBLISHED, "a")));
    }

    @Test
    void changedPublishedVersionIsKeptBecausePublishedIsImmutable() {
        assertEquals(ImportDecision.KEEP_PUBLISHED, ImportDecision.of(
                Optional.of(script(ScriptStatus.PUBLISHED, "a")), script(ScriptStatus.PUBLISHED, "b")));
        assertEquals(ImportDecision.KEEP_PUBLISHED, ImportDecision.of(
                Optional.of(script(ScriptStatus.PUBLISHED, "a")), script(ScriptStatus.DRAFT, "a")));
    }
}
