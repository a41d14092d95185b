package dev.arbor.authtree.adapter.in.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
    private final EnvSubstitution env = new EnvSubstitution(Map.of("SET", "value")::get);

    @Test
    void setVariableIsReplaced() {
        assertEquals("a-value-b", env.apply("a-${SET}-b", "demo.yaml"));
    }

    @Test
    void unsetVariableTakesItsDefault() {
        assertEquals("fallback", env.apply("${UNSET:-fallback}", "demo.yaml"));
        assertEquals("value", env.apply("${SET:-fallback}", "demo.yaml"));
    }

    @Test
    void unsetVariableWithoutDefaultFailsNamingTheVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.apply("${UNSET}", "admin.yaml"));
        assertEquals("admin.yaml: environment variable UNSET is not set and has no default", e.getMessage());
    }
}
