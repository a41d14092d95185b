package dev.arbor.gateway.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The gateway's route table: which upstream serves a (normalised) request path. The first matching
 * row wins.
 *
 * <table>
 *   <caption>Routes, in order</caption>
 *   <tr><th>Path</th><th>Goes to</th></tr>
 *   <tr><td>{@code /realms/{realm}/authenticate}</td><td>authtree-service (journey API)</td></tr>
 *   <tr><td>{@code /realms/**}</td><td>federation-service (OAuth 2.0 / OIDC endpoints)</td></tr>
 *   <tr><td>{@code /ui}, {@code /ui/**}</td><td>ui-server (login page, demo SPA)</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/clients**}</td><td>federation-service</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/consents**}</td><td>federation-service</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/initial-access-tokens**}</td><td>federation-service</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/saml-sps**}</td><td>federation-service</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/saml-keys**}</td><td>federation-service</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/trees**}</td><td>authtree-service</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/users**}</td><td>authtree-service</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/keys**}</td><td>token-service</td></tr>
 *   <tr><td>{@code /admin/realms/{realm}/scripts**}</td><td>script-runner-service</td></tr>
 *   <tr><td>{@code /}</td><td>302 to {@code /ui/}</td></tr>
 *   <tr><td>anything else</td><td>404 {@code application/problem+json}</td></tr>
 * </table>
 *
 * <p>{@code /q/health} and {@code /q/metrics} are the gateway's own and never reach this table.
 * {@code clients**} means the {@code clients} segment alone or followed by {@code /...}; a
 * {@code {realm}} is one non-empty path segment.
 */
public final class RouteTable {

    private static final String REALM = "[^/]+";
    private static final String REST = "(/.*)?";

    private static final List<Row> ROWS = List.of(
            row("/realms/" + REALM + "/authenticate", new RouteDecision.Forward(Upstream.AUTHTREE)),
            row("/realms/.+", new RouteDecision.Forward(Upstream.FEDERATION)),
            row("/ui" + REST, new RouteDecision.Forward(Upstream.UI_SERVER)),
            row(admin("clients"), new RouteDecision.Forward(Upstream.FEDERATION)),
            row(admin("consents"), new RouteDecision.Forward(Upstream.FEDERATION)),
            row(admin("initial-access-tokens"), new RouteDecision.Forward(Upstream.FEDERATION)),
            row(admin("saml-sps"), new RouteDecision.Forward(Upstream.FEDERATION)),
            row(admin("saml-keys"), new RouteDecision.Forward(Upstream.FEDERATION)),
            row(admin("trees"), new RouteDecision.Forward(Upstream.AUTHTREE)),
            row(admin("users"), new RouteDecision.Forward(Upstream.AUTHTREE)),
            row(admin("keys"), new RouteDecision.Forward(Upstream.TOKEN)),
            row(admin("scripts"), new RouteDecision.Forward(Upstream.SCRIPT_RUNNER)),
            row("/", new RouteDecision.Redirect("/ui/")));

    /** Decides what to do with {@code path} (no query string; dot segments already removed). */
    public RouteDecision decide(String path) {
        Objects.requireNonNull(path, "path");
        return ROWS.stream()
                .filter(row -> row.pattern().matcher(path).matches())
                .map(Row::decision)
                .findFirst()
                .orElseGet(RouteDecision.NotFound::new);
    }

    private static String admin(String collection) {
        return "/admin/realms/" + REALM + "/" + collection + REST;
    }

    private static Row row(String regex, RouteDecision decision) {
        return new Row(Pattern.compile(regex), decision);
    }

    private record Row(Pattern pattern, RouteDecision decision) {}
}
