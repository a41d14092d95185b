package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.charts.ArborChart.ValueSet;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public path table of the chart (Ingress or HTTPRoute) sends every path of the local gateway's
 * RouteTable to the same service, and nothing else anywhere. Matching follows the Kubernetes Ingress
 * and Gateway API rules: Exact before Prefix, longest prefix wins, prefixes match whole path segments.
 */
class PublicRoutesTest {

    private static final String NONE = "404";
    private static final Map<String, String> UPSTREAM_TO_SERVICE = Map.of(
            "FEDERATION", "federation-service", "AUTHTREE", "authtree-service", "TOKEN", "token-service",
            "SCRIPT_RUNNER", "script-runner-service", "UI_SERVER", "ui-server");

    /** Request path → service, what gateway/.../RouteTable.java decides for the realms "demo" and "admin". */
    static Map<String, String> expectedRoutes() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String realm : List.of("demo", "admin")) {
            expected.put("/realms/" + realm + "/authenticate", "authtree-service");
            expected.put("/realms/" + realm + "/oauth2/authorize", "federation-service");
            expected.put("/realms/" + realm + "/oauth2/authorize/resume", "federation-service");
            expected.put("/realms/" + realm + "/oauth2/token", "federation-service");
            expected.put("/realms/" + realm + "/oauth2/userinfo", "federation-service");
            expected.put("/realms/" + realm + "/oauth2/jwks", "federation-service");
            expected.put("/realms/" + realm + "/.well-known/openid-configuration", "federation-service");
            expected.put("/realms/" + realm + "/saml2/sso", "federation-service");
            expected.put("/realms/" + realm + "/authenticate/more", "federation-service");
            gatewayAdminCollections().forEach((collection, service) -> {
                expected.put("/admin/realms/" + realm + "/" + collection, service);
                expected.put("/admin/realms/" + realm + "/" + collection + "/some-id", service);
                expected.put("/admin/realms/" + realm + "/" + collection + "x", NONE);
            });
            expected.put("/admin/realms/" + realm, NONE);
        }
        expected.put("/ui", "ui-server");
        expected.put("/ui/", "ui-server");
        expected.put("/ui/login", "ui-server");
        expected.put("/ui/demo/index.html", "ui-server");
        expected.put("/uix", NONE);
        expected.put("/q/health", NONE);
        expected.put("/q/metrics", NONE);
        expected.put("/admin", NONE);
        expected.put("/other", NONE);
        return expected;
    }

    /** The admin rows of the gateway's RouteTable, read from its source, so the two tables cannot drift apart. */
    static Map<String, String> gatewayAdminCollections() {
        String source = ArborChart.read(ArborChart.repoRoot()
                .resolve("gateway/src/main/java/dev/arbor/gateway/domain/RouteTable.java"));
        var matcher = Pattern.compile("row\\(admin\\(\"([a-z-]+)\"\\), new RouteDecision\\.Forward\\(Upstream\\.([A-Z_]+)\\)\\)")
                .matcher(source);
        Map<String, String> rows = new LinkedHashMap<>();
        while (matcher.find()) {
            rows.put(matcher.group(1), UPSTREAM_TO_SERVICE.get(matcher.group(2)));
        }
        assertTrue(rows.size() >= 5 && !rows.containsValue(null), "admin rows found in RouteTable.java: " + rows);
        assertTrue(rows.containsKey("saml-sps") && rows.containsKey("saml-keys")
                && rows.containsKey("initial-access-tokens"), "collections with a hyphen are read too: " + rows);
        assertTrue(source.contains("row(\"/realms/\" + REALM + \"/authenticate\", new RouteDecision.Forward(Upstream.AUTHTREE))"));
        assertTrue(source.contains("row(\"/realms/.+\", new RouteDecision.Forward(Upstream.FEDERATION))"));
        assertTrue(source.contains("row(\"/ui\" + REST, new RouteDecision.Forward(Upstream.UI_SERVER))"));
        return rows;
    }

    @Test
    void ingressSendsEveryGatewayPathToTheSameServiceAndNothingElse() {
        // Given
        Rendered rendered = ArborChart.render(ValueSet.DEFAULTS, Map.of("routing.extraRealms[0]", "demo"));
        Ingress ingress = rendered.all(Ingress.class).getFirst();
        List<Rule> rules = new ArrayList<>();
        ingress.getSpec().getRules().getFirst().getHttp().getPaths().forEach(p -> rules.add(new Rule(
                p.getPath(), p.getPathType(), p.getBackend().getService().getName(),
                p.getBackend().getService().getPort().getNumber())));

        // Then
        assertEquals("id.example.com", ingress.getSpec().getRules().getFirst().getHost());
        assertEveryPathRoutedAsTheGatewayDoes(rendered, rules);
        assertTrue(rendered.all(HTTPRoute.class).isEmpty(), "no HTTPRoute in ingress mode");
    }

    @Test
    void httpRouteSendsEveryGatewayPathToTheSameServiceAndRedirectsTheRootToTheUi() {
        // Given
        Rendered rendered = ArborChart.render(ValueSet.GATEWAY_API);
        HTTPRoute route = rendered.all(HTTPRoute.class).getFirst();
        List<Rule> rules = new ArrayList<>();
        String redirect = null;
        for (var rule : route.getSpec().getRules()) {
            var match = rule.getMatches().getFirst().getPath();
            if (rule.getFilters() != null && !rule.getFilters().isEmpty()) {
                assertEquals("/", match.getValue());
                redirect = rule.getFilters().getFirst().getRequestRedirect().getPath().getReplaceFullPath();
                continue;
            }
            var backend = rule.getBackendRefs().getFirst();
            rules.add(new Rule(match.getValue(), "PathPrefix".equals(match.getType()) ? "Prefix" : match.getType(),
                    backend.getName(), backend.getPort()));
        }

        // Then
        assertEquals(List.of("id.example.com"), route.getSpec().getHostnames());
        assertEquals("/ui/", redirect, "/ redirects to /ui/ as the local gateway does");
        assertEveryPathRoutedAsTheGatewayDoes(rendered, rules);
        assertTrue(rendered.all(Ingress.class).isEmpty(), "no Ingress in gatewayApi mode");
    }

    private static void assertEveryPathRoutedAsTheGatewayDoes(Rendered rendered, List<Rule> rules) {
        Map<String, Service> services = new LinkedHashMap<>();
        rendered.all(Service.class).forEach(s -> services.put(s.getMetadata().getName(), s));
        Map<String, String> actual = new LinkedHashMap<>();
        for (String path : expectedRoutes().keySet()) {
            actual.put(path, route(rules, path).map(rule -> {
                Service service = services.get(rule.service());
                assertTrue(service != null, "route " + rule + " names a Service that is not rendered");
                assertEquals(service.getSpec().getPorts().getFirst().getPort(), rule.port(), "port of " + rule);
                return service.getMetadata().getLabels().get("app.kubernetes.io/name");
            }).orElse(NONE));
        }
        assertEquals(expectedRoutes(), actual);
    }

    /** Kubernetes Ingress / Gateway API path matching: Exact first, then the longest segment-wise Prefix. */
    static Optional<Rule> route(List<Rule> rules, String path) {
        Optional<Rule> exact = rules.stream().filter(r -> r.type().equals("Exact") && r.path().equals(path)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return rules.stream()
                .filter(r -> r.type().equals("Prefix") && prefixMatches(r.path(), path))
                .max(java.util.Comparator.comparingInt(r -> r.path().length()));
    }

    private static boolean prefixMatches(String prefix, String path) {
        List<String> p = segments(prefix);
        List<String> q = segments(path);
        return q.size() >= p.size() && q.subList(0, p.size()).equals(p);
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    record Rule(String path, String type, String service, Integer port) {}
}
