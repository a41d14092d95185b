package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.charts.ArborChart.ValueSet;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart against the manifests quarkus-kubernetes generates from each service's own configuration
 * ({@code <service>/target/kubernetes/kubernetes.yml}, written by {@code package}; this module depends on
 * the services with {@code <type>pom</type>} so the reactor builds them first): the same container ports,
 * the same probe paths on the same port, the same resources and a non-root user. The generated files are
 * the reference: a service whose port or health paths change shows up here before a pod fails its probes.
 */
class GeneratedManifestsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @ParameterizedTest
    @ValueSource(strings = {"federation-service", "authtree-service", "token-service", "session-store-service",
        "script-runner-service", "ui-server", "gateway"})
    void chartRendersTheGeneratedPortsProbePathsAndResources(String service) {
        // Given
        Container generated = onlyContainer(generatedDeployment(service));
        // the gateway is off by default (Ingress / HTTPRoute replace it); render it to compare it too
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS, Map.of("services." + service + ".enabled", true));

        // When
        Container charted = onlyContainer(rendered.all(Deployment.class).stream()
                .filter(d -> service.equals(d.getMetadata().getLabels().get("app.kubernetes.io/name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the chart renders no Deployment for " + service)));

        // Then
        assertEquals(ports(generated), ports(charted), service + ": container ports (name → port)");
        assertEquals(probe(generated, generated.getStartupProbe()), probe(charted, charted.getStartupProbe()),
                service + ": startup probe");
        assertEquals(probe(generated, generated.getLivenessProbe()), probe(charted, charted.getLivenessProbe()),
                service + ": liveness probe");
        assertEquals(probe(generated, generated.getReadinessProbe()), probe(charted, charted.getReadinessProbe()),
                service + ": readiness probe");
        assertEquals(generated.getResources(), charted.getResources(), service + ": resources");
    }

    @ParameterizedTest
    @ValueSource(strings = {"federation-service", "authtree-service", "token-service", "session-store-service",
        "script-runner-service", "ui-server", "gateway"})
    void generatedManifestRunsAsTheImagesNonRootUserAndProbesQuarkusHealth(String service) {
        Deployment deployment = generatedDeployment(service);
        var pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
        assertNotNull(pod, service + ": pod securityContext");
        assertEquals(Boolean.TRUE, pod.getRunAsNonRoot(), service);
        assertEquals(185L, pod.getRunAsUser(), service + ": the user of src/main/docker/Dockerfile.jvm");
        Container c = onlyContainer(deployment);
        assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath(), service);
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath(), service);
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath(), service);
    }

    @Test
    void generatedManifestsAreMissingThenTheMessageSaysHowToProduceThem() {
        AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> generatedDeployment("no-such-service"));
        assertTrue(error.getMessage().contains("./mvnw -DskipTests package -pl no-such-service"), error.getMessage());
    }

    static Deployment generatedDeployment(String service) {
        Path file = ArborChart.repoRoot().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: quarkus-kubernetes writes it when the service is packaged; run "
                    + "./mvnw -DskipTests package -pl " + service + " (a reactor build of charts-tests does it first)");
        }
        List<HasMetadata> objects = java.util.Arrays.stream(ArborChart.read(file).split("(?m)^---\\s*$"))
                .filter(doc -> !doc.isBlank())
                .map(doc -> (HasMetadata) SERIALIZATION.unmarshal(doc))
                .toList();
        return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no Deployment"));
    }

    private static Container onlyContainer(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), d.getMetadata().getName() + ": one container");
        return containers.getFirst();
    }

    private static Map<String, Integer> ports(Container c) {
        return c.getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort,
                (a, b) -> a, TreeMap::new));
    }

    /** A probe's HTTP path and the container port number it targets (a named port resolved). */
    private static String probe(Container c, Probe probe) {
        assertNotNull(probe, c.getName() + ": probe missing");
        assertNotNull(probe.getHttpGet(), c.getName() + ": not an HTTP probe");
        IntOrString port = probe.getHttpGet().getPort();
        int number = port.getIntVal() != null ? port.getIntVal() : ports(c).getOrDefault(port.getStrVal(), -1);
        return probe.getHttpGet().getPath() + " on " + number;
    }
}
