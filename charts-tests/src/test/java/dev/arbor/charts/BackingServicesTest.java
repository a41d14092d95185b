package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.charts.ArborChart.ValueSet;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The services find each other through the chart's Services, and PostgreSQL / Redis / Kafka as configured. */
class BackingServicesTest {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyGrpcClientPointsAtARenderedServiceOnItsPort(ValueSet set) {
        Rendered rendered = ArborChart.render(set);
        Map<String, Integer> servicePorts = new HashMap<>();
        rendered.all(Service.class).forEach(s -> servicePorts.put(s.getMetadata().getName(), s.getSpec().getPorts().getFirst().getPort()));
        int clients = 0;
        for (Deployment d : rendered.all(Deployment.class)) {
            Container c = DeploymentHardeningTest.onlyContainer(d);
            for (var env : c.getEnv()) {
                if (env.getName().startsWith("QUARKUS_GRPC_CLIENTS_") && env.getName().endsWith("_HOST")) {
                    String port = DeploymentHardeningTest.env(c, env.getName().replace("_HOST", "_PORT"));
                    assertEquals(servicePorts.get(env.getValue()), Integer.valueOf(port), d.getMetadata().getName() + " " + env.getName());
                    clients++;
                }
            }
        }
        assertEquals(8, clients, "authtree: federation, session-store, script-runner, token; federation: token, "
                + "session-store, authtree; script-runner: token");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void authtreeReachesScriptRunnerOverGrpcForScriptedDecisions(ValueSet set) {
        Container c = container(ArborChart.render(set), "authtree-service");

        assertEquals("arbor-script-runner-service", DeploymentHardeningTest.env(c, "QUARKUS_GRPC_CLIENTS_SCRIPT_RUNNER_HOST"));
        assertEquals("8085", DeploymentHardeningTest.env(c, "QUARKUS_GRPC_CLIENTS_SCRIPT_RUNNER_PORT"));
    }

    @Test
    void authtreeGetsRedisForLockoutAndTotpReplay() {
        Container c = container(ArborChart.render(ValueSet.DEFAULTS), "authtree-service");

        assertEquals("redis://redis-master.redis.svc:6379", DeploymentHardeningTest.env(c, "QUARKUS_REDIS_HOSTS"));
        assertTrue(DeploymentHardeningTest.env(c, "ARBOR_REDIS_KEY_PREFIX").endsWith(":authtree:"));
    }

    @Test
    void standaloneRedisByDefault() {
        Container c = container(ArborChart.render(ValueSet.DEFAULTS), "session-store-service");

        assertEquals("redis://redis-master.redis.svc:6379", DeploymentHardeningTest.env(c, "QUARKUS_REDIS_HOSTS"));
        assertEquals("standalone", DeploymentHardeningTest.env(c, "QUARKUS_REDIS_CLIENT_TYPE"));
        assertEquals("arbor:session:", DeploymentHardeningTest.env(c, "ARBOR_REDIS_KEY_PREFIX"));
        assertTrue(c.getEnv().stream().noneMatch(e -> e.getName().equals("QUARKUS_REDIS_PASSWORD")), "no AUTH unless a Secret is named");
    }

    @Test
    void redisClusterWithTlsListsEverySeedNodeAsRediss() {
        Container c = container(ArborChart.render(ValueSet.REDIS_CLUSTER), "token-service");

        assertEquals("rediss://redis-0.redis.example.net:6380,rediss://redis-1.redis.example.net:6380,rediss://redis-2.redis.example.net:6380",
                DeploymentHardeningTest.env(c, "QUARKUS_REDIS_HOSTS"));
        assertEquals("cluster", DeploymentHardeningTest.env(c, "QUARKUS_REDIS_CLIENT_TYPE"));
        assertNull(DeploymentHardeningTest.env(c, "QUARKUS_REDIS_MASTER_NAME"));
        assertEquals("jdbc:postgresql://pg.example.net:5432/arbor?sslmode=verify-full", DeploymentHardeningTest.env(c, "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("SASL_SSL", DeploymentHardeningTest.env(c, "KAFKA_SECURITY_PROTOCOL"));
        assertEquals("/etc/arbor/kafka-tls/truststore.p12", DeploymentHardeningTest.env(c, "KAFKA_SSL_TRUSTSTORE_LOCATION"));
    }

    @Test
    void redisSentinelNamesTheSentinelsAndTheMaster() {
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS, Map.of(
                "redis.mode", "sentinel", "redis.hosts[0]", "sentinel-0.redis.svc:26379",
                "redis.hosts[1]", "sentinel-1.redis.svc:26379", "redis.masterName", "arbor-master",
                "redis.networkPolicy.ports[0]", "26379", "redis.networkPolicy.ports[1]", "6379"));
        Container c = container(rendered, "federation-service");

        assertEquals("redis://sentinel-0.redis.svc:26379,redis://sentinel-1.redis.svc:26379", DeploymentHardeningTest.env(c, "QUARKUS_REDIS_HOSTS"));
        assertEquals("sentinel", DeploymentHardeningTest.env(c, "QUARKUS_REDIS_CLIENT_TYPE"));
        assertEquals("arbor-master", DeploymentHardeningTest.env(c, "QUARKUS_REDIS_MASTER_NAME"));
    }

    @Test
    void onlyTheServicesThatUseADependencyAreConfiguredForIt() {
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS);

        assertTrue(has(rendered, "authtree-service", "QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(!has(rendered, "authtree-service", "QUARKUS_DATASOURCE_REACTIVE_URL"), "authtree uses JDBC only");
        assertTrue(!has(rendered, "session-store-service", "QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(!has(rendered, "ui-server", "QUARKUS_REDIS_HOSTS"));
        assertTrue(!has(rendered, "ui-server", "KAFKA_BOOTSTRAP_SERVERS"));
        assertTrue(has(rendered, "federation-service", "KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("https://id.example.com", DeploymentHardeningTest.env(container(rendered, "ui-server"), "ARBOR_PUBLIC_URL"));
    }

    @Test
    void saslWithoutASecretStopsTheRenderWithAMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ArborChart.template(ValueSet.DEFAULTS, Map.of("kafka.securityProtocol", "SASL_SSL")));
        assertTrue(e.getMessage().contains("kafka.sasl.existingSecret is required"), e.getMessage());
    }

    @Test
    void aDependencyWithNoNetworkLocationStopsTheRenderRatherThanOpeningEgressToEverything() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ArborChart.template(ValueSet.DEFAULTS, Map.of("postgresql.networkPolicy.namespaceSelector", "null")));
        assertTrue(e.getMessage().contains("postgresql.networkPolicy needs cidrs or a selector"), e.getMessage());
    }

    private static boolean has(Rendered rendered, String service, String env) {
        return DeploymentHardeningTest.env(container(rendered, service), env) != null;
    }

    private static Container container(Rendered rendered, String service) {
        return DeploymentHardeningTest.onlyContainer(rendered.named(Deployment.class, ArborChart.RELEASE + "-" + service).orElseThrow());
    }
}
