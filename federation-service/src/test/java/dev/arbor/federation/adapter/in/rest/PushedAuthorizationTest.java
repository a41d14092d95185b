package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.contracts.federation.v1.GetLoginFlowRequest;
import dev.arbor.contracts.federation.v1.GetLoginFlowResponse;
import dev.arbor.contracts.federation.v1.LoginFlowService;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.Pkce;
import dev.arbor.federation.support.TestAssertions;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9126 — pushed authorization requests: pushed with client authentication, used once at authorize. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class PushedAuthorizationTest {
    static final String PAR = "/realms/demo/oauth2/par";
    static final String CLIENT = "test-par-client";
    static final String REDIRECT = "http://localhost:9999/par/callback";

    @GrpcClient("federation")
    LoginFlowService federation;

    @Inject
    RedisDataSource redis;

    @Inject
    ArborConfig config;

    private static Map<String, String> request() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("redirect_uri", REDIRECT);
        params.put("scope", "openid profile");
        params.put("state", "par-state");
        params.put("code_challenge", Pkce.CHALLENGE);
        params.put("code_challenge_method", "S256");
        params.put("login_hint", "alice");
        return params;
    }

    private static RequestSpecification asParClient() {
        return given().auth().preemptive().basic(CLIENT, "test-par-secret").contentType("application/x-www-form-urlencoded");
    }

    private static String push(Map<String, String> params) {
        return asParClient().formParams(params).when().post(PAR).then().statusCode(201).extract().path("request_uri");
    }

    private static Response authorizeWith(String clientId, String requestUri) {
        return given().redirects().follow(false).queryParam("client_id", clientId).queryParam("request_uri", requestUri)
                .when().get("/realms/demo/oauth2/authorize");
    }

    @Test
    void pushReturns201WithAnUnguessableUrnValidFor60Seconds() {
        asParClient().formParams(request()).when().post(PAR)
                .then().statusCode(201).header("Cache-Control", "no-store")
                .body("request_uri", matchesPattern("urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{43}"))
                .body("expires_in", equalTo(60));
    }

    @Test
    void pushedRequestIsKeptInRedisForAtMost60Seconds() {
        String requestUri = push(request());

        long ttl = redis.key(String.class).ttl(config.redis().keyPrefix() + "par:"
                + requestUri.substring("urn:ietf:params:oauth:request_uri:".length()));

        assertThat(ttl > 0 && ttl <= 60, is(true));
    }

    @Test
    void pushedRequestStartsTheLoginWithItsParametersExactlyOnce() {
        String requestUri = push(request());

        Response first = authorizeWith(CLIENT, requestUri);

        first.then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?realm=demo&flow="));
        GetLoginFlowResponse flow = federation.getLoginFlow(GetLoginFlowRequest.newBuilder().setRealm("demo")
                .setFlowId(flowIdOf(first.header("Location"))).build()).await().atMost(Duration.ofSeconds(5));
        assertThat(flow.getClientId(), is(CLIENT));
        assertThat(flow.getLoginHint(), is("alice"));
        authorizeWith(CLIENT, requestUri).then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void pushedRequestWithASessionRedirectsWithCodeStateAndIss() {
        String requestUri = push(request());

        Response response = given().redirects().follow(false).queryParam("client_id", CLIENT)
                .queryParam("request_uri", requestUri)
                .cookie("arbor_session", FakeSessionStore.aliceSession("demo", 5).getId())
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303).header("Location", startsWith(REDIRECT + "?code="));
        assertThat(query(response.header("Location")), allOf(hasEntry("state", "par-state"), hasEntry("iss", ISSUER)));
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getClientId(), is(CLIENT));
    }

    @Test
    void clientThatMustPushIsRefusedAtAuthorizeWithoutPar() {
        Map<String, String> params = request();
        params.put("client_id", CLIENT);

        Response response = given().redirects().follow(false).queryParams(params).when().get("/realms/demo/oauth2/authorize");

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_request"),
                hasEntry("state", "par-state"), hasEntry("iss", ISSUER)));
    }

    @Test
    void requestUriOfAnotherClientUnknownOrMalformedIsAnErrorPage() {
        String requestUri = push(request());

        authorizeWith("test-spa", requestUri).then().statusCode(400).header("Location", nullValue());
        authorizeWith(CLIENT, requestUri).then().statusCode(400); // burnt by the wrong client's attempt
        authorizeWith(CLIENT, "urn:ietf:params:oauth:request_uri:" + "A".repeat(43)).then().statusCode(400);
        authorizeWith(CLIENT, "urn:ietf:params:oauth:request_uri:../../x").then().statusCode(400);
    }

    @Test
    void publicClientMayPushWithoutCredentials() {
        Map<String, String> params = request();
        params.put("client_id", "test-spa");
        params.put("redirect_uri", "http://localhost:9999/spa/callback");

        String requestUri = given().contentType("application/x-www-form-urlencoded").formParams(params)
                .when().post(PAR).then().statusCode(201).extract().path("request_uri");

        authorizeWith("test-spa", requestUri).then().statusCode(303);
    }

    @Test
    void privateKeyJwtClientMayPushASignedRequestObject() {
        String requestUri = given().contentType("application/x-www-form-urlencoded")
                .formParam("client_id", RequestObjectTest.CLIENT)
                .formParam("client_assertion_type", TestAssertions.JWT_BEARER)
                .formParam("client_assertion", TestAssertions.assertion().client(RequestObjectTest.CLIENT).build())
                .formParam("request", RequestObjectTest.sign(RequestObjectTest.claims(), "ec-1"))
                .when().post(PAR).then().statusCode(201).extract().path("request_uri");

        Response response = given().redirects().follow(false).queryParam("client_id", RequestObjectTest.CLIENT)
                .queryParam("request_uri", requestUri)
                .cookie("arbor_session", FakeSessionStore.aliceSession("demo", 5).getId())
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303).header("Location", startsWith(RequestObjectTest.REDIRECT + "?code="));
        assertThat(query(response.header("Location")), hasEntry("state", "from-object"));
    }

    @Test
    void wrongSecretIsInvalidClient() {
        given().auth().preemptive().basic(CLIENT, "wrong").contentType("application/x-www-form-urlencoded")
                .formParams(request()).when().post(PAR)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void confidentialClientWithoutCredentialsIsInvalidClient() {
        Map<String, String> params = request();
        params.put("client_id", CLIENT);
        given().contentType("application/x-www-form-urlencoded").formParams(params).when().post(PAR)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void badPushedRequestsAreRefusedWithTheTokenEndpointsJsonErrors() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("invalid_request", Map.of("redirect_uri", "https://evil.example/cb"));
        cases.put("invalid_scope", Map.of("scope", "openid admin"));
        cases.put("unsupported_response_type", Map.of("response_type", "token"));
        cases.put("invalid_request_object", Map.of("request", "not.a.jwt"));
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            Map<String, String> params = request();
            params.putAll(c.getValue());
            asParClient().formParams(params).when().post(PAR)
                    .then().statusCode(400).body("error", equalTo(c.getKey()));
        }
        Map<String, String> withUri = request();
        withUri.put("request_uri", "urn:ietf:params:oauth:request_uri:x");
        asParClient().formParams(withUri).when().post(PAR).then().statusCode(400).body("error", equalTo("invalid_request"));
        Map<String, String> badMode = request();
        badMode.put("response_mode", "jwt");
        asParClient().formParams(badMode).when().post(PAR).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void repeatedParametersBrokenEncodingAndWrongContentTypeAreInvalidRequestNotServerErrors() {
        asParClient().body("response_type=code&scope=openid&scope=openid&redirect_uri=" + REDIRECT)
                .when().post(PAR).then().statusCode(400).body("error", equalTo("invalid_request"));
        asParClient().body("response_type=code&scope=%zz").when().post(PAR)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(CLIENT, "test-par-secret").contentType("application/json").body("{}")
                .when().post(PAR).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void parOfAnUnknownRealmIsNotFound() {
        asParClient().formParams(request()).when().post("/realms/nope/oauth2/par")
                .then().statusCode(not(equalTo(201))).statusCode(not(equalTo(500)));
    }
}
