package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.charts.ArborChart.ValueSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Helm validates values against values.schema.json before rendering: bad values stop the install with a message. */
class ValuesSchemaTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("defaults.replicas", "three", "replicas"),
                Arguments.of("services.token-service.replicas", "three", "replicas"),
                Arguments.of("redis.mode", "memcached", "mode"),
                Arguments.of("routing.mode", "nodePort", "mode"),
                Arguments.of("kafka.securityProtocol", "SASL_TLS", "securityProtocol"),
                Arguments.of("services.federation-service.port", "99999", "port"),
                Arguments.of("containerSecurityContext.readOnlyRootFilesystem", "false", "readOnlyRootFilesystem"),
                Arguments.of("services.authtree-service.calls[0]", "database", "calls"),
                Arguments.of("services.authtree-service.secretEnv[0].name", "lower-case", "name"),
                Arguments.of("publicUrl", "id.example.com", "publicUrl"));
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @MethodSource("badValues")
    void aBadValueIsRejectedBeforeAnythingRenders(String key, String value, String mentioned) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ArborChart.template(ValueSet.DEFAULTS, Map.of(key, value)));
        assertTrue(e.getMessage().contains("values don't meet the specifications of the schema"), e.getMessage());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyShippedValueSetPassesTheSchema(ValueSet set) {
        assertDoesNotThrow(() -> ArborChart.template(set, Map.of()));
    }
}
