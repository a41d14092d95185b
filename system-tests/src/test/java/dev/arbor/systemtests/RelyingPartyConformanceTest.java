package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.systemtests.rp.ConformanceRp;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A relying party nobody here wrote, quarkus-oidc in web-app mode ({@code /rp/full/*} of this module,
 * tenant {@code ConformanceTenantResolver}), runs against Arbor: the code flow with PKCE and nonce, a
 * UserInfo call, token refresh, and RP-initiated logout back to its registered post-logout URI. Its
 * client is registered through Arbor's admin API first, with a secret Arbor generates. The browser is
 * an HTTP client that keeps cookies and follows no redirect, so each hop is checked.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RelyingPartyConformanceTest {
    private static final String ISSUER = ArborSuite.PUBLIC_URL + "/realms/demo";
    private static final Pattern SPAN = Pattern.compile("<span id=\"([a-z-]+)\">([^<]*)</span>");

    @BeforeAll
    static void registerTheConformanceClient() {
        var http = new Http();
        HttpResponse<String> token = http.postForm("/realms/admin/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "arbor:admin"), basic("arbor-admin", ArborSuite.adminSecret));
        assertEquals(200, token.statusCode(), token.body());
        String clientId = "conformance-rp-" + UUID.randomUUID();
        HttpResponse<String> created = http.postJson("/admin/realms/demo/clients", """
                {"clientId":"%s","name":"Conformance RP (quarkus-oidc, system tests)","type":"confidential",
                 "grantTypes":["authorization_code","refresh_token"],"scopes":["openid","profile","email"],
                 "redirectUris":["%s"],"postLogoutRedirectUris":["%s"]}
                """.formatted(clientId, ConformanceRp.PROFILE, ConformanceRp.BYE),
                Http.json(token).get("access_token").asText());
        assertEquals(201, created.statusCode(), created.body());
        ConformanceRp.use(clientId, Http.json(created).get("clientSecret").asText());
    }

    @Test
    @DisplayName("Real RP: code flow with PKCE, UserInfo, then refresh on each visit")
    void realRelyingPartyLogsInCallsUserinfoAndRefreshes() {
        var flow = new CodeFlow();

        Map<String, String> first = page(loginThroughTheRp(flow));

        // the ID token and UserInfo agree on who logged in, and UserInfo gave the email
        assertEquals(ISSUER, first.get("id-iss"));
        assertEquals(first.get("id-sub"), first.get("ui-sub"));
        assertEquals("alice@example.com", first.get("ui-email"));
        assertNotEquals("none", first.get("rt"), "a refresh token was issued to the RP");
        // each later visit finds the tokens about to expire (time skew 1 h) and refreshes them at Arbor
        Map<String, String> second = page(visit(flow.http, ConformanceRp.PROFILE));
        Map<String, String> third = page(visit(flow.http, ConformanceRp.PROFILE));
        assertNotEquals(first.get("at"), second.get("at"), "the access token was refreshed");
        assertNotEquals(first.get("rt"), second.get("rt"), "the refresh token rotated");
        assertNotEquals(second.get("at"), third.get("at"));
        assertNotEquals(second.get("rt"), third.get("rt"));
        assertEquals(first.get("id-sub"), third.get("id-sub"));
        assertEquals("alice@example.com", third.get("ui-email"));
    }

    @Test
    @DisplayName("Real RP: RP-initiated logout ends the Arbor session and comes back to the registered post-logout URI")
    void realRelyingPartyLogsOutAtArbor() {
        var flow = new CodeFlow();
        page(loginThroughTheRp(flow));

        // When the user logs out at the RP, it sends the browser to Arbor's end_session_endpoint
        HttpResponse<String> logout = flow.http.get(ConformanceRp.BASE + "/logout");
        assertEquals(302, logout.statusCode(), logout.body());
        String endSession = location(logout, ConformanceRp.BASE);
        assertTrue(endSession.startsWith(ISSUER + "/oauth2/logout?"), endSession);
        Map<String, String> request = Http.query(endSession);
        assertNotNull(request.get("id_token_hint"));
        assertEquals(ConformanceRp.BYE, request.get("post_logout_redirect_uri"));

        // Then Arbor ends its session and sends the browser back (303) to the registered URI
        HttpResponse<String> arbor = flow.http.get(endSession);
        assertEquals(303, arbor.statusCode(), arbor.body());
        String back = location(arbor, ArborSuite.PUBLIC_URL);
        assertTrue(back.startsWith(ConformanceRp.BYE), back);
        if (request.containsKey("state")) {
            assertEquals(request.get("state"), Http.query(back).get("state"));
        }
        HttpResponse<String> bye = flow.http.get(back);
        assertEquals(200, bye.statusCode(), bye.body());
        assertTrue(bye.body().contains("id=\"signed-out\""));
        // And Arbor no longer knows the browser: prompt=none is login_required
        HttpResponse<String> silent = flow.http.get(flow.authorizeUrl() + "&prompt=none");
        assertEquals(303, silent.statusCode());
        assertEquals("login_required", Http.query(location(silent, ArborSuite.PUBLIC_URL)).get("error"));
        // And the RP asks for a login again
        HttpResponse<String> again = flow.http.get(ConformanceRp.PROFILE);
        assertEquals(302, again.statusCode());
        assertTrue(location(again, ConformanceRp.BASE).startsWith(ISSUER + "/oauth2/authorize?"));
    }

    /** Opens the RP's profile, logs in as alice at Arbor, and follows the way back; returns the profile page. */
    private static HttpResponse<String> loginThroughTheRp(CodeFlow flow) {
        Http http = flow.http;
        HttpResponse<String> start = http.get(ConformanceRp.PROFILE);
        assertEquals(302, start.statusCode(), start.body());
        String authorize = location(start, ConformanceRp.BASE);
        assertTrue(authorize.startsWith(ISSUER + "/oauth2/authorize?"), authorize);
        Map<String, String> request = Http.query(authorize);
        assertEquals("code", request.get("response_type"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertNotNull(request.get("nonce"));

        HttpResponse<String> toLogin = http.get(authorize);
        assertEquals(303, toLogin.statusCode(), toLogin.body());
        String loginFlow = Http.query(location(toLogin, ArborSuite.PUBLIC_URL)).get("flow");
        HttpResponse<String> done = flow.journey(loginFlow, "alice", ArborSuite.ALICE_PASSWORD);
        assertEquals(200, done.statusCode(), done.body());
        HttpResponse<String> resume = http.get(Http.json(done).get("successUrl").asText());
        assertEquals(303, resume.statusCode(), resume.body());
        String callback = location(resume, ArborSuite.PUBLIC_URL);
        assertTrue(callback.startsWith(ConformanceRp.PROFILE + "?"), callback);
        assertEquals(ISSUER, Http.query(callback).get("iss"));

        return visit(http, callback);
    }

    /** GETs {@code url} and follows the RP's own redirects (never Arbor's) to a 200 page. */
    private static HttpResponse<String> visit(Http http, String url) {
        HttpResponse<String> response = http.get(url);
        for (int i = 0; i < 3 && response.statusCode() == 302; i++) {
            String next = location(response, ConformanceRp.BASE);
            assertTrue(next.startsWith(ConformanceRp.BASE), "the RP sent the browser away: " + next);
            response = http.get(next);
        }
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static Map<String, String> page(HttpResponse<String> response) {
        Map<String, String> values = new java.util.HashMap<>();
        Matcher m = SPAN.matcher(response.body());
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        assertTrue(values.containsKey("at"), response.body());
        return values;
    }

    private static String location(HttpResponse<String> response, String base) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError(response.statusCode() + " without Location: " + response.body()));
        return URI.create(base + "/").resolve(location).toString();
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
