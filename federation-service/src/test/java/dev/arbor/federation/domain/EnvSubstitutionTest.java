package dev.arbor.federation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
    private final EnvSubstitution env = new EnvSubstitution(Map.of("SET", "value$1\\x", "EMPTY", "")::get);

    @Test
    void setVariableIsReplacedLiterally() {
        assertEquals("a-value$1\\x-b", env.apply("a-${SET}-b"));
    }

    @Test
    void defaultIsUsedOnlyWhenUnset() {
        assertEquals("fallback", env.apply("${UNSET:-fallback}"));
        assertEquals("value$1\\x", env.apply("${SET:-fallback}"));
        assertEquals("", env.apply("${EMPTY:-fallback}"));
        assertEquals("", env.apply("${UNSET:-}"));
    }

    @Test
    void unsetWithoutDefaultFailsNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.apply("${UNSET}"));
        assertTrue(e.getMessage().contains("UNSET"));
    }

    @Test
    void textWithoutReferencesIsUntouched() {
        assertEquals("plain $ {x}", env.apply("plain $ {x}"));
        assertEquals(null, env.apply(null));
    }

    @Test
    void errorNeverContainsAnotherVariablesValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.apply("${SET}${UNSET}"));
        assertFalse(e.getMessage().contains("value$1"));
    }
}
