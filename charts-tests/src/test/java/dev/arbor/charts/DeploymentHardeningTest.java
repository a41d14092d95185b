package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.charts.ArborChart.ValueSet;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every Deployment, in every value set, is a hardened, probed, sized, spread and budgeted stateless replica. */
class DeploymentHardeningTest {

    /** The six services deployed by default; the local gateway is not (Ingress / HTTPRoute replace it). */
    static final Set<String> DEPLOYED = Set.of("federation-service", "authtree-service", "token-service",
            "session-store-service", "script-runner-service", "ui-server");

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyValueSetRendersOneDeploymentServiceAndPdbPerServiceAndNoGateway(ValueSet set) {
        // When
        Rendered rendered = ArborChart.render(set);

        // Then
        assertEquals(DEPLOYED, names(rendered.all(Deployment.class)), "Deployments");
        assertEquals(DEPLOYED, names(rendered.all(Service.class)), "Services");
        assertEquals(DEPLOYED, names(rendered.all(PodDisruptionBudget.class)), "PodDisruptionBudgets");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyDeploymentHasStartupLivenessAndReadinessProbesOnQuarkusHealth(ValueSet set) {
        for (Deployment d : ArborChart.render(set).all(Deployment.class)) {
            Container c = onlyContainer(d);
            assertProbe(d, "startup", c.getStartupProbe(), "/q/health/started");
            assertProbe(d, "liveness", c.getLivenessProbe(), "/q/health/live");
            assertProbe(d, "readiness", c.getReadinessProbe(), "/q/health/ready");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyDeploymentHasCpuAndMemoryRequestsAndAMemoryLimit(ValueSet set) {
        for (Deployment d : ArborChart.render(set).all(Deployment.class)) {
            var resources = onlyContainer(d).getResources();
            assertNotNull(resources.getRequests().get("cpu"), name(d) + " cpu request");
            assertNotNull(resources.getRequests().get("memory"), name(d) + " memory request");
            assertNotNull(resources.getLimits().get("memory"), name(d) + " memory limit (the JVM sizes its heap from it)");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyDeploymentRunsNonRootWithoutPrivilegeEscalationCapabilitiesOrAWritableRoot(ValueSet set) {
        for (Deployment d : ArborChart.render(set).all(Deployment.class)) {
            var pod = d.getSpec().getTemplate().getSpec();
            var sc = onlyContainer(d).getSecurityContext();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name(d) + " pod runAsNonRoot");
            assertTrue(pod.getSecurityContext().getRunAsUser() > 0, name(d) + " numeric non-root uid");
            assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), name(d) + " container runAsNonRoot");
            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), name(d) + " allowPrivilegeEscalation");
            assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), name(d) + " readOnlyRootFilesystem");
            assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), name(d) + " capabilities drop");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name(d) + " no API token: Arbor never calls the API server");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyDeploymentMountsTmpAsEmptyDirAndTheRealmsConfigMapAtTheRealmsDir(ValueSet set) {
        for (Deployment d : ArborChart.render(set).all(Deployment.class)) {
            var pod = d.getSpec().getTemplate().getSpec();
            Container c = onlyContainer(d);
            var tmp = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst().orElseThrow();
            var tmpVolume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
            assertNotNull(tmpVolume.getEmptyDir(), name(d) + " /tmp is an emptyDir");

            String realmsDir = env(c, "ARBOR_REALMS_DIR");
            var realms = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(realmsDir)).findFirst().orElseThrow();
            assertEquals(Boolean.TRUE, realms.getReadOnly());
            var realmsVolume = pod.getVolumes().stream().filter(v -> v.getName().equals(realms.getName())).findFirst().orElseThrow();
            assertEquals(ArborChart.RELEASE + "-realms", realmsVolume.getConfigMap().getName(), name(d) + " realms ConfigMap");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyDeploymentSpreadsItsReplicasOverTopologyDomains(ValueSet set) {
        for (Deployment d : ArborChart.render(set).all(Deployment.class)) {
            var constraints = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            assertFalse(constraints.isEmpty(), name(d) + " topologySpreadConstraints");
            constraints.forEach(tsc -> assertEquals(d.getSpec().getSelector().getMatchLabels(),
                    tsc.getLabelSelector().getMatchLabels(), name(d) + " spreads its own pods"));
        }
    }

    @org.junit.jupiter.api.Test
    void withHpaAtThreeReplicasEveryServiceScalesOnCpuFromThreeAndLeavesReplicasToTheHpa() {
        // Given / When
        Rendered rendered = ArborChart.render(ValueSet.THREE_REPLICAS_HPA);

        // Then
        List<HorizontalPodAutoscaler> hpas = rendered.all(HorizontalPodAutoscaler.class);
        assertEquals(DEPLOYED, names(hpas));
        for (HorizontalPodAutoscaler hpa : hpas) {
            assertEquals(3, hpa.getSpec().getMinReplicas(), name(hpa));
            assertEquals(hpa.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            var metric = hpa.getSpec().getMetrics().getFirst();
            assertEquals("cpu", metric.getResource().getName());
            assertEquals(65, metric.getResource().getTarget().getAverageUtilization());
        }
        rendered.all(Deployment.class).forEach(d -> assertNull(d.getSpec().getReplicas(),
                name(d) + " replicas must be left to the HPA, or every upgrade resets the scale"));
    }

    @org.junit.jupiter.api.Test
    void byDefaultTwoReplicasPerServiceAndNoHpa() {
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS);

        assertTrue(rendered.all(HorizontalPodAutoscaler.class).isEmpty());
        rendered.all(Deployment.class).forEach(d -> assertEquals(2, d.getSpec().getReplicas(), name(d)));
    }

    @org.junit.jupiter.api.Test
    void aPerServiceReplicaCountOverridesTheDefault() {
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS,
                java.util.Map.of("services.token-service.replicas", 5));

        assertEquals(5, rendered.named(Deployment.class, "arbor-token-service").orElseThrow().getSpec().getReplicas());
        assertEquals(2, rendered.named(Deployment.class, "arbor-ui-server").orElseThrow().getSpec().getReplicas());
    }

    static Container onlyContainer(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), name(d));
        return containers.getFirst();
    }

    static String env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .map(io.fabric8.kubernetes.api.model.EnvVar::getValue).orElse(null);
    }

    private static void assertProbe(Deployment d, String kind, Probe probe, String path) {
        assertNotNull(probe, name(d) + " " + kind + " probe");
        assertEquals(path, probe.getHttpGet().getPath(), name(d) + " " + kind + " path");
        assertEquals("http", probe.getHttpGet().getPort().getStrVal(), name(d) + " " + kind + " port");
    }

    static String name(io.fabric8.kubernetes.api.model.HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    static Set<String> names(List<? extends io.fabric8.kubernetes.api.model.HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
    }
}
