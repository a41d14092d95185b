package dev.arbor.scriptrunner.adapter.in.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
    private final EnvSubstitution env = new EnvSubstitution(Map.of("SET", "from-env", "DOLLAR", "a$1\\b")::get);

    @Test
    void setVariableIsReplacedFromTheEnvironment() {
        assertEquals("x-from-env-y", env.apply("x-${SET}-y", "f"));
    }

    @Test
    void setVariableWinsOverItsDefault() {
        assertEquals("from-env", env.apply("${SET:-fallback}", "f"));
    }

    @Test
    void unsetVariableWithDefaultTakesTheDefault() {
        assertEquals("fallback", env.apply("${UNSET:-fallback}", "f"));
        assertEquals("", env.apply("${UNSET:-}", "f"));
    }

    @Test
    void unsetVariableWithoutDefaultFailsNamingTheVariableAndPlace() {
        var error = assertThrows(RealmConfigException.class, () -> env.apply("${UNSET}", "acme.yaml scripts[0]"));

        assertTrue(error.getMessage().contains("UNSET"));
        assertTrue(error.getMessage().contains("acme.yaml scripts[0]"));
    }

    @Test
    void replacementIsTakenLiterallyNotAsARegexGroup() {
        assertEquals("a$1\\b", env.apply("${DOLLAR}", "f"));
    }

    @Test
    void textWithoutReferencesIsUnchanged() {
        assertEquals("plain $ text {}", env.apply("plain $ text {}", "f"));
        assertFalse(env.apply("$SET", "f").contains("from-env"));
    }
}
