package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.charts.ArborChart.ValueSet;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Secrets come only from existing Secrets (secretKeyRef); no secret value is ever rendered into a ConfigMap or env value. */
class SecretsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|PASSWD|PEPPER|JAAS|CREDENTIAL|_KEY$).*");
    private static final Pattern PLACEHOLDER_ONLY = Pattern.compile("^\\$\\{[A-Z_][A-Z0-9_]*}$");

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void theChartCreatesNoSecretAndEverySecretEnvIsASecretKeyRef(ValueSet set) {
        Rendered rendered = ArborChart.render(set);
        assertTrue(rendered.all(Secret.class).isEmpty(), "the chart must not create Secrets");
        for (Deployment d : rendered.all(Deployment.class)) {
            for (EnvVar env : DeploymentHardeningTest.onlyContainer(d).getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertNull(env.getValue(), d.getMetadata().getName() + " " + env.getName() + " has a literal value");
                    assertNotNull(env.getValueFrom().getSecretKeyRef(), d.getMetadata().getName() + " " + env.getName());
                }
            }
        }
    }

    @Test
    void eachServiceGetsExactlyItsOwnSecretsFromTheNamedSecrets() {
        Rendered rendered = ArborChart.render(ValueSet.REDIS_CLUSTER);
        Map<String, Map<String, String>> refs = new TreeMap<>();
        for (Deployment d : rendered.all(Deployment.class)) {
            Map<String, String> mine = new TreeMap<>();
            DeploymentHardeningTest.onlyContainer(d).getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> mine.put(e.getName(), e.getValueFrom().getSecretKeyRef().getName() + "/"
                            + e.getValueFrom().getSecretKeyRef().getKey()));
            refs.put(d.getMetadata().getLabels().get("app.kubernetes.io/name"), mine);
        }
        Map<String, String> pg = Map.of("QUARKUS_DATASOURCE_USERNAME", "arbor-postgresql/username",
                "QUARKUS_DATASOURCE_PASSWORD", "arbor-postgresql/password");
        Map<String, String> redis = Map.of("QUARKUS_REDIS_PASSWORD", "arbor-redis/password");
        Map<String, String> kafka = Map.of("KAFKA_SASL_JAAS_CONFIG", "arbor-kafka-sasl/sasl.jaas.config",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "arbor-kafka-truststore/truststore.password");

        assertEquals(merge(pg, redis, kafka, Map.of(
                "ARBOR_FEDERATION_CLIENT_SECRET_PEPPER", "arbor-secrets/federation-client-secret-pepper",
                "ARBOR_FEDERATION_SAML_KEY_ENCRYPTION_KEY", "arbor-secrets/federation-saml-key-encryption-key",
                "ARBOR_ADMIN_CLIENT_SECRET", "arbor-secrets/admin-client-secret")), refs.get("federation-service"));
        assertEquals(merge(pg, redis, kafka, Map.of("ARBOR_AUTHTREE_AUTH_ID_KEY", "arbor-secrets/authtree-auth-id-key",
                "ARBOR_AUTHTREE_RECOVERY_CODE_PEPPER", "arbor-secrets/authtree-recovery-code-pepper")),
                refs.get("authtree-service"));
        assertEquals(merge(pg, redis, kafka, Map.of("ARBOR_TOKEN_KEY_ENCRYPTION_KEY", "arbor-secrets/token-key-encryption-key")),
                refs.get("token-service"));
        assertEquals(merge(redis, kafka, Map.of("ARBOR_SESSION_STORE_NODE_RESULT_KEY",
                "arbor-secrets/session-store-node-result-key")), refs.get("session-store-service"));
        assertEquals(pg, refs.get("script-runner-service"));
        assertEquals(Map.of(), refs.get("ui-server"));
    }

    @Test
    void duringANodeResultKeyRotationSessionStoreGetsTheRetiredKeysAlsoFromTheSecret() {
        // Given the retired keys added to session-store's secretEnv next to the current key
        String env = "services.session-store-service.secretEnv";
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS, Map.of(
                env + "[0].name", "ARBOR_SESSION_STORE_NODE_RESULT_KEY", env + "[0].key", "session-store-node-result-key",
                env + "[1].name", "ARBOR_SESSION_STORE_NODE_RESULT_PREVIOUS_KEYS",
                env + "[1].key", "session-store-node-result-previous-keys"));

        // Then both reach session-store as secretKeyRefs of the default Secret, never as literal values
        Deployment sessionStore = rendered.all(Deployment.class).stream()
                .filter(d -> "session-store-service".equals(d.getMetadata().getLabels().get("app.kubernetes.io/name")))
                .findFirst().orElseThrow();
        Map<String, String> refs = new TreeMap<>();
        DeploymentHardeningTest.onlyContainer(sessionStore).getEnv().stream()
                .filter(e -> e.getName().startsWith("ARBOR_SESSION_STORE_NODE_RESULT"))
                .forEach(e -> {
                    assertNull(e.getValue(), e.getName() + " has a literal value");
                    refs.put(e.getName(), e.getValueFrom().getSecretKeyRef().getName() + "/"
                            + e.getValueFrom().getSecretKeyRef().getKey());
                });
        assertEquals(Map.of("ARBOR_SESSION_STORE_NODE_RESULT_KEY", "arbor-secrets/session-store-node-result-key",
                "ARBOR_SESSION_STORE_NODE_RESULT_PREVIOUS_KEYS", "arbor-secrets/session-store-node-result-previous-keys"),
                refs);
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void realmYamlInTheConfigMapHoldsOnlyPlaceholdersWhereSecretsGo(ValueSet set) throws Exception {
        ConfigMap realms = ArborChart.render(set).named(ConfigMap.class, ArborChart.RELEASE + "-realms").orElseThrow();
        assertFalse(realms.getData().isEmpty());
        for (var doc : realms.getData().entrySet()) {
            assertSecretsArePlaceholders(doc.getKey(), YAML.readTree(doc.getValue()));
        }
    }

    @Test
    void aRealmWithAnInlineSecretDefaultIsCaughtByTheCheck() throws Exception {
        // Given the local demo realm, whose client secrets carry ${VAR:-default} fall-backs
        JsonNode demo = YAML.readTree(ArborChart.read(ArborChart.repoRoot().resolve("deploy/local/realms/demo.yaml")));

        // Then the check used above rejects it: such a document must not go into the chart's ConfigMap as is
        assertThrows(AssertionError.class, () -> assertSecretsArePlaceholders("demo.yaml", demo));
    }

    @Test
    void theChartRefusesARealmWithAnInlineSecretInsteadOfRenderingItIntoAConfigMap() {
        // Given a realm document with a literal client secret, and one with an inline default
        Map<String, Object> literal = Map.of("realms.leaky", "realm: leaky\nclients:\n  - clientId: x\n    secret: hunter2-canary\n");
        Map<String, Object> fallback = Map.of("realms.leaky", "realm: leaky\nusers:\n  - username: bob\n    password: ${BOB_PASSWORD:-hunter2-canary}\n");

        // When / Then helm template fails, naming the problem, and the value is never rendered
        for (Map<String, Object> values : java.util.List.of(literal, fallback)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ArborChart.template(ValueSet.DEFAULTS, values));
            assertTrue(e.getMessage().contains("realm leaky"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2-canary"), "the error must not echo the secret");
        }
    }

    private static void assertSecretsArePlaceholders(String where, JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (Set.of("secret", "password", "clientSecret").contains(field.getKey())) {
                    assertTrue(field.getValue().isTextual() && PLACEHOLDER_ONLY.matcher(field.getValue().asText()).matches(),
                            where + ": " + field.getKey() + " must be a ${ENV_VAR} placeholder without default");
                } else {
                    assertSecretsArePlaceholders(where, field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> assertSecretsArePlaceholders(where, child));
        }
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> all = new TreeMap<>();
        for (Map<String, String> m : maps) {
            all.putAll(m);
        }
        return all;
    }
}
