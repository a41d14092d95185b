package dev.arbor.contracts.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
    private final EnvSubstitution env = new EnvSubstitution(Map.of("SET", "value", "DOLLAR", "a$1\\b")::get);

    @Test
    void setVariableIsReplacedInsideText() {
        assertEquals("a-value-b", env.apply("a-${SET}-b", "demo.yaml"));
    }

    @Test
    void unsetVariableTakesItsDefaultAndASetOneIgnoresIt() {
        assertEquals("fallback", env.apply("${UNSET:-fallback}", "demo.yaml"));
        assertEquals("value", env.apply("${SET:-fallback}", "demo.yaml"));
        assertEquals("", env.apply("${UNSET:-}", "demo.yaml"));
    }

    @Test
    void replacementsAreTakenLiterally() {
        assertEquals("a$1\\b", env.apply("${DOLLAR}", "demo.yaml"));
    }

    @Test
    void textWithoutPlaceholdersIsUnchanged() {
        assertEquals("plain $text {x}", env.apply("plain $text {x}", "demo.yaml"));
    }

    @Test
    void unsetVariableWithoutDefaultFailsNamingTheVariableAndPlaceButNoValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> env.apply("${UNSET}-${SET}", "admin.yaml clients[0].secret"));
        assertEquals("admin.yaml clients[0].secret: environment variable UNSET is not set and has no default", e.getMessage());
        assertFalse(e.getMessage().contains("value"));
    }
}
