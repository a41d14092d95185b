package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.contracts.federation.v1.GetLoginFlowRequest;
import dev.arbor.contracts.federation.v1.GetLoginFlowResponse;
import dev.arbor.contracts.federation.v1.LoginFlowService;
import dev.arbor.federation.support.Pkce;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AuthorizeResourceTest {
    static final String SPA_REDIRECT = "http://localhost:9999/spa/callback";
    static final String ISSUER = "http://localhost:8080/realms/demo";

    @GrpcClient("federation")
    LoginFlowService federation;

    /** A valid request of the public client test-spa, with PKCE S256. */
    static RequestSpecification spaRequest() {
        return spaRequest(Map.of());
    }

    /**
     * The valid request with some parameters replaced or added; an empty value removes one.
     */
    static RequestSpecification spaRequest(Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "test-spa");
        params.put("redirect_uri", SPA_REDIRECT);
        params.put("scope", "openid profile email");
        params.put("state", "st-123");
        params.put("nonce", "n-456");
        params.put("code_challenge", Pkce.CHALLENGE);
        params.put("code_challenge_method", "S256");
        params.putAll(overrides);
        params.values().removeIf(String::isEmpty);
        return given().redirects().follow(false).queryParams(params);
    }

    static Map<String, String> query(String location) {
        Map<String, String> params = new HashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String flowIdOf(String loginLocation) {
        return query(loginLocation).get("flow");
    }

    @Test
    void validRequestStoresALoginFlowAndSendsTheBrowserToTheLoginPage() {
        Response response = spaRequest().when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303)
                .header("Location", startsWith("http://localhost:8080/ui/login?realm=demo&flow="));
        String flow = flowIdOf(response.header("Location"));
        GetLoginFlowResponse stored = federation.getLoginFlow(GetLoginFlowRequest.newBuilder()
                .setRealm("demo").setFlowId(flow).build()).await().atMost(Duration.ofSeconds(5));
        assertThat(stored.getFound(), is(true));
        assertThat(stored.getClientId(), is("test-spa"));
        assertThat(stored.getTree(), is(""));
        assertThat(stored.getForceLogin(), is(false));
        assertThat(stored.getResumeUrl(), is(ISSUER + "/oauth2/authorize/resume?flow=" + flow));
    }

    @Test
    void loginFlowOfAnotherRealmOrUnknownIdIsNotFound() {
        String flow = flowIdOf(spaRequest().when().get("/realms/demo/oauth2/authorize").header("Location"));

        assertThat(federation.getLoginFlow(GetLoginFlowRequest.newBuilder().setRealm("admin").setFlowId(flow).build())
                .await().atMost(Duration.ofSeconds(5)).getFound(), is(false));
        assertThat(federation.getLoginFlow(GetLoginFlowRequest.newBuilder().setRealm("demo").setFlowId("../../x").build())
                .await().atMost(Duration.ofSeconds(5)).getFound(), is(false));
    }

    @Test
    void promptLoginAndAcrValuesReachTheLoginFlow() {
        String flow = flowIdOf(spaRequest(Map.of("prompt", "login", "acr_values", "strong-login"))
                .when().get("/realms/demo/oauth2/authorize").header("Location"));

        GetLoginFlowResponse stored = federation.getLoginFlow(GetLoginFlowRequest.newBuilder()
                .setRealm("demo").setFlowId(flow).build()).await().atMost(Duration.ofSeconds(5));
        assertThat(stored.getForceLogin(), is(true));
        assertThat(stored.getTree(), is("strong-login"));
    }

    @Test
    void postFormIsAcceptedLikeGet() {
        given().redirects().follow(false)
                .formParam("response_type", "code").formParam("client_id", "test-spa")
                .formParam("redirect_uri", SPA_REDIRECT).formParam("scope", "openid")
                .formParam("code_challenge", Pkce.CHALLENGE).formParam("code_challenge_method", "S256")
                .when().post("/realms/demo/oauth2/authorize")
                .then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?realm=demo&flow="));
    }

    @Test
    void brokenPercentEncodingInAPostedFormIsInvalidRequestNotAServerError() {
        given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .body("response_type=code&client_id=%zz")
                .when().post("/realms/demo/oauth2/authorize")
                .then().statusCode(400).body("error", is("invalid_request")).header("Location", nullValue());
    }

    @Test
    void brokenPercentEncodingInTheQueryIsABadRequestNotAServerError() throws Exception {
        // HTTP clients refuse to send such a URI, so the request goes over a plain socket; the HTTP
        // server itself refuses the request line with an empty 400 before any endpoint runs
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET /realms/demo/oauth2/authorize?response_type=code&client_id=%zz HTTP/1.1\r\n"
                    + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response, startsWith("HTTP/1.1 400"));
        }
    }

    @Test
    void postWithAnotherContentTypeIsInvalidRequest() {
        given().redirects().follow(false)
                .contentType("application/json").body("{\"client_id\":\"test-spa\"}")
                .when().post("/realms/demo/oauth2/authorize")
                .then().statusCode(400).body("error", is("invalid_request"));
    }

    @Test
    void unknownClientGetsAnHtmlErrorPageAndNoRedirect() {
        spaRequest(Map.of("client_id", "nobody"))
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .header("Location", nullValue())
                .body(containsString("not registered"));
    }

    @Test
    void unregisteredRedirectUriGetsAnHtmlErrorPageAndNoRedirect() {
        spaRequest(Map.of("redirect_uri", "https://evil.example/callback"))
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .header("Location", nullValue());
    }

    @Test
    void redirectUriMustMatchExactlyNotByPrefix() {
        spaRequest(Map.of("redirect_uri", SPA_REDIRECT + "/../other"))
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void missingClientIdGetsAnHtmlErrorPage() {
        given().redirects().follow(false).queryParam("response_type", "code")
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(400).contentType(containsString("text/html")).header("Location", nullValue());
    }

    @Test
    void publicClientWithoutPkceIsSentBackWithInvalidRequestStateAndIss() {
        Response response = given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", "test-spa")
                .queryParam("redirect_uri", SPA_REDIRECT).queryParam("scope", "openid")
                .queryParam("state", "st-9")
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?"));
        Map<String, String> q = query(response.header("Location"));
        assertThat(q, allOf(hasEntry("error", "invalid_request"), hasEntry("state", "st-9"), hasEntry("iss", ISSUER), hasKey("error_description")));
    }

    @Test
    void plainPkceIsRefused() {
        Response response = spaRequest(Map.of("code_challenge_method", "plain", "code_challenge", Pkce.VERIFIER))
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303);
        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_request"), hasEntry("iss", ISSUER)));
    }

    @Test
    void responseTypeOtherThanCodeIsUnsupportedResponseType() {
        Response response = spaRequest(Map.of("response_type", "token")).when().get("/realms/demo/oauth2/authorize");

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "unsupported_response_type"), hasEntry("state", "st-123")));
    }

    @Test
    void scopeNotRegisteredForTheClientIsInvalidScope() {
        Response response = spaRequest(Map.of("scope", "openid admin")).when().get("/realms/demo/oauth2/authorize");

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_scope")));
    }

    @Test
    void requestWithoutOpenidScopeIsInvalidScope() {
        Response response = spaRequest(Map.of("scope", "profile")).when().get("/realms/demo/oauth2/authorize");

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_scope"), hasEntry("iss", ISSUER)));
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        Response response = spaRequest().queryParam("scope", "openid").when().get("/realms/demo/oauth2/authorize");

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_request")));
    }

    @Test
    void unsignedRequestObjectIsInvalidRequestObject() {
        Response response = spaRequest(Map.of("request", "eyJhbGciOiJub25lIn0.e30."))
                .when().get("/realms/demo/oauth2/authorize");

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_request_object")));
    }

    @Test
    void confidentialClientRedirectUriKeepsItsOwnQuery() {
        Response response = given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", "test-rp")
                .queryParam("redirect_uri", "http://localhost:9999/rp/callback?tenant=a")
                .queryParam("scope", "openid email").queryParam("state", "s")
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303)
                .header("Location", startsWith("http://localhost:9999/rp/callback?tenant=a&error=invalid_scope"));
    }

    @Test
    void confidentialClientWithoutPkceMayStartALogin() {
        given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", "test-rp")
                .queryParam("redirect_uri", "http://localhost:9999/rp/callback?tenant=a")
                .queryParam("scope", "openid profile")
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?"));
    }

    @Test
    void clientWithoutRedirectUrisGetsTheErrorPageNeverARedirect() {
        given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", "test-service")
                .queryParam("redirect_uri", "http://localhost:9999/none")
                .queryParam("scope", "openid")
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(400).header("Location", nullValue()); // no registered redirect URI at all
    }
}
