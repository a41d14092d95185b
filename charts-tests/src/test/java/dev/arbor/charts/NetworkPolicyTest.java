package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arbor.charts.ArborChart.ValueSet;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Evaluates the rendered NetworkPolicies the way the Kubernetes NetworkPolicy API defines them (a
 * connection needs the source's egress AND the destination's ingress to allow it) for every pair of
 * pods that could try to connect, and compares the allowed pairs with the service-to-service paths
 * of the architecture: exactly those, nothing more.
 */
class NetworkPolicyTest {

    /** A pod that could open a connection: its namespace (name + labels) and its own labels. */
    record Pod(String id, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {}

    record Target(String service, int port) {}

    static final Set<String> SERVICE_PATHS = Set.of(
            "authtree-service -> federation-service",
            "authtree-service -> session-store-service",
            "authtree-service -> script-runner-service",
            "authtree-service -> token-service",
            "script-runner-service -> token-service",
            "federation-service -> token-service",
            "federation-service -> session-store-service",
            "federation-service -> authtree-service");

    /** The services a public route reaches (RouteTable: /realms, /ui and the admin collections). */
    static final Set<String> PUBLIC = Set.of("federation-service", "authtree-service", "ui-server",
            "token-service", "script-runner-service");

    @Test
    void byDefaultExactlyTheArchitecturePathsAndTheIngressControllerToPublicServicesAreAllowed() {
        Set<String> expected = new TreeSet<>(SERVICE_PATHS);
        PUBLIC.forEach(s -> expected.add("ingress-controller -> " + s));

        assertEquals(expected, allowedPairs(ArborChart.render(ValueSet.DEFAULTS),
                pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"))));
    }

    @Test
    void withGatewayApiOnlyTheConfiguredDataPlanePodsReachThePublicServices() {
        Set<String> expected = new TreeSet<>(SERVICE_PATHS);
        PUBLIC.forEach(s -> expected.add("ingress-controller -> " + s));

        assertEquals(expected, allowedPairs(ArborChart.render(ValueSet.GATEWAY_API),
                pod("ingress-controller", "gateway-system", Map.of("app.kubernetes.io/name", "envoy")),
                pod("other-gateway-pod", "gateway-system", Map.of("app.kubernetes.io/name", "something-else"))));
    }

    @Test
    void withServiceMonitorPrometheusMayScrapeEveryServiceAndNothingElseChanges() {
        Set<String> expected = new TreeSet<>(SERVICE_PATHS);
        PUBLIC.forEach(s -> expected.add("ingress-controller -> " + s));
        DeploymentHardeningTest.DEPLOYED.forEach(s -> expected.add("prometheus -> " + s));

        assertEquals(expected, allowedPairs(ArborChart.render(ValueSet.THREE_REPLICAS_HPA),
                pod("ingress-controller", "ingress-nginx", Map.of()),
                pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"))));
    }

    @Test
    void withRedisClusterTheArchitecturePathsStayExactlyTheSame() {
        Set<String> expected = new TreeSet<>(SERVICE_PATHS);
        PUBLIC.forEach(s -> expected.add("ingress-controller -> " + s));

        assertEquals(expected, allowedPairs(ArborChart.render(ValueSet.REDIS_CLUSTER),
                pod("ingress-controller", "ingress-nginx", Map.of())));
    }

    @Test
    void withTheLocalGatewayEnabledPublicTrafficEntersOnlyThroughItAndItReachesOnlyThePublicServices() {
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS, Map.of("services.gateway.enabled", "true"));
        Set<String> expected = new TreeSet<>(SERVICE_PATHS);
        expected.add("ingress-controller -> gateway");
        PUBLIC.forEach(s -> expected.add("gateway -> " + s));

        assertEquals(expected, allowedPairs(rendered, pod("ingress-controller", "ingress-nginx", Map.of())));
        var ingress = rendered.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).getFirst();
        ingress.getSpec().getRules().getFirst().getHttp().getPaths().forEach(p ->
                assertEquals("arbor-gateway", p.getBackend().getService().getName(), p.getPath()));
        var gateway = DeploymentHardeningTest.onlyContainer(rendered.named(Deployment.class, "arbor-gateway").orElseThrow());
        assertEquals("http://arbor-script-runner-service:8085", DeploymentHardeningTest.env(gateway, "ARBOR_GATEWAY_UPSTREAM_SCRIPT_RUNNER"));
        assertEquals("http://arbor-ui-server:8086", DeploymentHardeningTest.env(gateway, "ARBOR_GATEWAY_UPSTREAM_UI_SERVER"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void egressOutsideTheReleaseGoesOnlyToDnsAndTheBackingServicesEachServiceUses(ValueSet set) {
        Rendered rendered = ArborChart.render(set);
        Map<String, Set<String>> expected = switch (set) {
            case REDIS_CLUSTER -> Map.of(
                    "federation-service", Set.of("53/UDP", "53/TCP", "5432/TCP", "6380/TCP", "16380/TCP", "9093/TCP"),
                    "authtree-service", Set.of("53/UDP", "53/TCP", "5432/TCP", "6380/TCP", "16380/TCP", "9093/TCP"),
                    "token-service", Set.of("53/UDP", "53/TCP", "5432/TCP", "6380/TCP", "16380/TCP", "9093/TCP"),
                    "session-store-service", Set.of("53/UDP", "53/TCP", "6380/TCP", "16380/TCP", "9093/TCP"),
                    "script-runner-service", Set.of("53/UDP", "53/TCP", "5432/TCP"),
                    "ui-server", Set.of("53/UDP", "53/TCP"));
            default -> Map.of(
                    "federation-service", Set.of("53/UDP", "53/TCP", "5432/TCP", "6379/TCP", "9092/TCP"),
                    "authtree-service", Set.of("53/UDP", "53/TCP", "5432/TCP", "6379/TCP", "9092/TCP"),
                    "token-service", Set.of("53/UDP", "53/TCP", "5432/TCP", "6379/TCP", "9092/TCP"),
                    "session-store-service", Set.of("53/UDP", "53/TCP", "6379/TCP", "9092/TCP"),
                    "script-runner-service", Set.of("53/UDP", "53/TCP", "5432/TCP"),
                    "ui-server", Set.of("53/UDP", "53/TCP"));
        };
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            String service = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            Set<String> ports = new TreeSet<>();
            for (var rule : policy.getSpec().getEgress()) {
                boolean toArbor = rule.getTo().stream().allMatch(peer -> peer.getPodSelector() != null
                        && peer.getNamespaceSelector() == null && peer.getIpBlock() == null);
                if (!toArbor) {
                    rule.getPorts().forEach(p -> ports.add(p.getPort().getIntVal() + "/" + p.getProtocol()));
                }
            }
            assertEquals(new TreeSet<>(expected.get(service)), ports, service + " egress outside the release");
        }
    }

    @Test
    void federationsExtraEgressForBackchannelLogoutIsRenderedVerbatimAndOnlyForFederation() {
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS, Map.of(
                "services.federation-service.extraEgress[0].to[0].ipBlock.cidr", "203.0.113.0/24",
                "services.federation-service.extraEgress[0].ports[0].port", "443",
                "services.federation-service.extraEgress[0].ports[0].protocol", "TCP"));
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            String service = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            long rpRules = policy.getSpec().getEgress().stream()
                    .filter(rule -> rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null
                            && "203.0.113.0/24".equals(peer.getIpBlock().getCidr())))
                    .filter(rule -> rule.getPorts().size() == 1 && rule.getPorts().getFirst().getPort().getIntVal() == 443)
                    .count();
            assertEquals("federation-service".equals(service) ? 1 : 0, rpRules, service);
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyPolicyDeniesByDefaultAndNoRuleIsAWildcard(ValueSet set) {
        Rendered rendered = ArborChart.render(set);
        assertEquals(DeploymentHardeningTest.DEPLOYED, DeploymentHardeningTest.names(rendered.all(NetworkPolicy.class)));
        for (NetworkPolicy policy : rendered.all(NetworkPolicy.class)) {
            String name = policy.getMetadata().getName();
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), name);
            policy.getSpec().getIngress().forEach(rule -> {
                assertFalse(rule.getFrom() == null || rule.getFrom().isEmpty(), name + ": an ingress rule without from admits everyone");
                assertFalse(rule.getPorts() == null || rule.getPorts().isEmpty(), name + ": an ingress rule without ports admits every port");
                rule.getFrom().forEach(peer -> assertFalse(isEmpty(peer), name + ": empty peer"));
            });
            policy.getSpec().getEgress().forEach(rule -> {
                assertFalse(rule.getTo() == null || rule.getTo().isEmpty(), name + ": an egress rule without to reaches everything");
                assertFalse(rule.getPorts() == null || rule.getPorts().isEmpty(), name + ": an egress rule without ports");
                rule.getTo().forEach(peer -> {
                    assertFalse(isEmpty(peer), name + ": empty peer");
                    if (peer.getIpBlock() != null) {
                        assertFalse(peer.getIpBlock().getCidr().endsWith("/0"), name + ": egress to the whole internet");
                    }
                });
            });
        }
    }

    /** Every (source, destination service) pair the policies allow, as "source -> service". */
    static Set<String> allowedPairs(Rendered rendered, Pod... outsiders) {
        List<Pod> pods = new ArrayList<>();
        Map<String, Target> targets = new java.util.HashMap<>();
        for (Deployment d : rendered.all(Deployment.class)) {
            String svc = d.getMetadata().getLabels().get("app.kubernetes.io/name");
            pods.add(new Pod(svc, ArborChart.NAMESPACE, namespaceLabels(ArborChart.NAMESPACE),
                    d.getSpec().getTemplate().getMetadata().getLabels()));
            targets.put(svc, new Target(svc, d.getSpec().getTemplate().getSpec().getContainers().getFirst()
                    .getPorts().getFirst().getContainerPort()));
        }
        pods.addAll(List.of(outsiders));
        // a pod that is in the release namespace but is no Arbor service must reach nothing
        pods.add(pod("intruder", ArborChart.NAMESPACE, Map.of("app", "intruder")));
        pods.add(pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns")));

        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        Set<String> allowed = new TreeSet<>();
        for (Pod source : pods) {
            for (Pod dest : pods) {
                if (source == dest || !targets.containsKey(dest.id())) {
                    continue;
                }
                int port = targets.get(dest.id()).port();
                if (egressAllows(policies, source, dest, port) && ingressAllows(policies, source, dest, port)) {
                    allowed.add(source.id() + " -> " + dest.id());
                }
            }
        }
        return allowed;
    }

    private static boolean ingressAllows(List<NetworkPolicy> policies, Pod source, Pod dest, int port) {
        List<NetworkPolicy> selecting = selecting(policies, dest, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().anyMatch(p -> p.getSpec().getIngress().stream().anyMatch(rule ->
                portMatches(rule.getPorts(), port) && rule.getFrom().stream().anyMatch(peer -> peerMatches(peer, p, source))));
    }

    private static boolean egressAllows(List<NetworkPolicy> policies, Pod source, Pod dest, int port) {
        List<NetworkPolicy> selecting = selecting(policies, source, "Egress");
        if (selecting.isEmpty()) {
            return true; // pods outside the release: not ours to restrict
        }
        return selecting.stream().anyMatch(p -> p.getSpec().getEgress().stream().anyMatch(rule ->
                portMatches(rule.getPorts(), port) && rule.getTo().stream().anyMatch(peer -> peerMatches(peer, p, dest))));
    }

    private static List<NetworkPolicy> selecting(List<NetworkPolicy> policies, Pod pod, String type) {
        return policies.stream()
                .filter(p -> ArborChart.NAMESPACE.equals(pod.namespace()))
                .filter(p -> p.getSpec().getPolicyTypes().contains(type))
                .filter(p -> selects(p.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    private static boolean peerMatches(NetworkPolicyPeer peer, NetworkPolicy policy, Pod pod) {
        if (peer.getIpBlock() != null) {
            return false; // pods are reached by selectors here; ipBlocks are for things outside the cluster
        }
        Predicate<Pod> namespace = peer.getNamespaceSelector() == null
                ? p -> p.namespace().equals(ArborChart.NAMESPACE) // same namespace as the policy
                : p -> selects(peer.getNamespaceSelector(), p.namespaceLabels());
        Predicate<Pod> labels = peer.getPodSelector() == null ? p -> true : p -> selects(peer.getPodSelector(), p.labels());
        return namespace.and(labels).test(pod);
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertNull(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty() ? null : "x",
                "matchExpressions are not used by the chart");
        Map<String, String> match = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(match.entrySet());
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, int port) {
        return ports.stream().anyMatch(p -> "TCP".equals(p.getProtocol()) && p.getPort().getIntVal() == port);
    }

    private static boolean isEmpty(NetworkPolicyPeer peer) {
        return peer.getIpBlock() == null && peer.getNamespaceSelector() == null && peer.getPodSelector() == null;
    }

    static Pod pod(String id, String namespace, Map<String, String> labels) {
        return new Pod(id, namespace, namespaceLabels(namespace), labels);
    }

    private static Map<String, String> namespaceLabels(String namespace) {
        return Map.of("kubernetes.io/metadata.name", namespace);
    }
}
