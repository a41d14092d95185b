package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.federation.support.BadTokens;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.TestAssertions;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "Bad input" sweep of issue #3: every malformed or hostile request to the token, introspection,
 * revocation and userinfo endpoints gets its RFC error and status, never a 500. Bad access tokens come
 * from {@link BadTokens}, shared with {@link IntrospectionResourceTest}.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class BadInputSweepTest {
    private static final String TOKEN = "/realms/demo/oauth2/token";
    private static final String INTROSPECT = "/realms/demo/oauth2/introspect";
    private static final String REVOKE = "/realms/demo/oauth2/revoke";
    private static final String USERINFO = "/realms/demo/oauth2/userinfo";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final byte[] BINARY = binary();

    static Stream<Arguments> badTokens() {
        return BadTokens.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badAccessTokenAtUserinfoIs401InvalidTokenWithABearerChallenge(String name, String token) {
        given().header("Authorization", "Bearer " + token).when().get(USERINFO)
                .then().statusCode(401).body("error", equalTo("invalid_token"))
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badAccessTokenAtIntrospectionIsExactlyInactive(String name, String token) {
        Response response = given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("token", token).when().post(INTROSPECT);
        response.then().statusCode(200);
        assertEquals("{\"active\":false}", response.asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badAccessTokenAtRevocationIs200AndRevokesNothing(String name, String token) {
        int before = FakeTokenService.REVOKED.size();
        given().formParam("client_id", "test-spa").formParam("token", token).when().post(REVOKE)
                .then().statusCode(200);
        assertEquals(before, FakeTokenService.REVOKED.size());
    }

    /** A request to an endpoint and the RFC error it must get. */
    record Case(String name, Supplier<Response> send, int status, String error, String challenge) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badRequests() {
        return Stream.of(
                // RFC 6749 §3.2: the body is application/x-www-form-urlencoded
                formCases(TOKEN), formCases(INTROSPECT), formCases(REVOKE),
                Stream.of(
                        // RFC 6749 §4.1.3/§4.4: grant_type is required and must be known
                        new Case("token: missing grant_type", () -> service().formParam("scope", "api").post(TOKEN),
                                400, "invalid_request", null),
                        new Case("token: empty grant_type", () -> service().formParam("grant_type", "").post(TOKEN),
                                400, "invalid_request", null),
                        new Case("token: unknown grant_type", () -> service().formParam("grant_type", "password")
                                .post(TOKEN), 400, "unsupported_grant_type", null),
                        // RFC 6749 §3.2, RFC 7009 §2.1, RFC 7662 §2.1: a parameter MUST NOT repeat
                        new Case("token: grant_type twice", () -> service().formParam("grant_type", "client_credentials")
                                .formParam("grant_type", "client_credentials").post(TOKEN), 400, "invalid_request", null),
                        new Case("token: client_id twice", () -> given().formParam("grant_type", "client_credentials")
                                .formParam("client_id", "test-service").formParam("client_id", "test-service")
                                .formParam("client_secret", "test-service-secret").post(TOKEN), 400, "invalid_request", null),
                        new Case("token: client_secret twice", () -> given().formParam("grant_type", "client_credentials")
                                .formParam("client_id", "test-service").formParam("client_secret", "test-service-secret")
                                .formParam("client_secret", "test-service-secret").post(TOKEN), 400, "invalid_request", null),
                        new Case("introspect: token twice", () -> service().formParam("token", "a").formParam("token", "b")
                                .post(INTROSPECT), 400, "invalid_request", null),
                        new Case("revoke: token twice", () -> service().formParam("token", "a").formParam("token", "b")
                                .post(REVOKE), 400, "invalid_request", null),
                        new Case("introspect: no token", () -> service().formParam("x", "y").post(INTROSPECT),
                                400, "invalid_request", null),
                        new Case("revoke: no token", () -> service().formParam("x", "y").post(REVOKE),
                                400, "invalid_request", null),
                        // RFC 6749 §2.3, §5.2: client authentication
                        new Case("token: wrong Basic secret", () -> given().auth().preemptive().basic("test-service", "x")
                                .formParam("grant_type", "client_credentials").post(TOKEN), 401, "invalid_client", "Basic"),
                        new Case("token: Basic not base64", () -> given().header("Authorization", "Basic %%%")
                                .formParam("grant_type", "client_credentials").post(TOKEN), 401, "invalid_client", "Basic"),
                        new Case("token: Basic without colon", () -> given().header("Authorization", "Basic "
                                        + java.util.Base64.getEncoder().encodeToString("test-service".getBytes()))
                                .formParam("grant_type", "client_credentials").post(TOKEN), 401, "invalid_client", "Basic"),
                        new Case("introspect: wrong Basic secret", () -> given().auth().preemptive().basic("test-service", "x")
                                .formParam("token", "t").post(INTROSPECT), 401, "invalid_client", "Basic"),
                        new Case("revoke: wrong Basic secret", () -> given().auth().preemptive().basic("test-service", "x")
                                .formParam("token", "t").post(REVOKE), 401, "invalid_client", "Basic"),
                        new Case("token: wrong post secret", () -> given().formParam("grant_type", "client_credentials")
                                .formParam("client_id", "test-service").formParam("client_secret", "x").post(TOKEN),
                                401, "invalid_client", null),
                        new Case("token: unknown client by post", () -> given().formParam("grant_type", "client_credentials")
                                .formParam("client_id", "nobody").formParam("client_secret", "x").post(TOKEN),
                                401, "invalid_client", null),
                        new Case("token: no client at all", () -> given().formParam("grant_type", "client_credentials")
                                .post(TOKEN), 401, "invalid_client", null),
                        new Case("token: Basic and post secret", () -> service().formParam("grant_type", "client_credentials")
                                .formParam("client_secret", "test-service-secret").post(TOKEN), 400, "invalid_request", null),
                        new Case("introspect: public client", () -> given().formParam("client_id", "test-spa")
                                .formParam("token", "t").post(INTROSPECT), 401, "invalid_client", null)),
                assertionCases()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestGetsItsRfcErrorNeverA500(Case c) {
        Response response = c.send().get();
        response.then().statusCode(c.status()).contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("error", equalTo(c.error()));
        if (c.challenge() == null) {
            response.then().header("WWW-Authenticate", nullValue());
        } else {
            response.then().header("WWW-Authenticate", startsWith(c.challenge()));
        }
    }

    /** Bodies that are not an application/x-www-form-urlencoded form; the client authenticates by Basic. */
    private static Stream<Case> formCases(String endpoint) {
        return Stream.of(
                new Case(endpoint + ": JSON body", () -> service().contentType("application/json")
                        .body("{\"grant_type\":\"client_credentials\",\"token\":\"t\"}").post(endpoint),
                        400, "invalid_request", null),
                new Case(endpoint + ": text body", () -> service().contentType("text/plain")
                        .body("grant_type=client_credentials&token=t").post(endpoint), 400, "invalid_request", null),
                new Case(endpoint + ": binary body", () -> service().contentType("application/octet-stream")
                        .body(BINARY).post(endpoint), 400, "invalid_request", null),
                new Case(endpoint + ": binary as a form", () -> service().contentType(FORM)
                        .body(new String(BINARY, java.nio.charset.StandardCharsets.ISO_8859_1)).post(endpoint),
                        400, "invalid_request", null),
                new Case(endpoint + ": broken percent-encoding", () -> service().contentType(FORM)
                        .body("grant_type=%zz&token=%").post(endpoint), 400, "invalid_request", null),
                new Case(endpoint + ": empty form", () -> service().contentType(FORM).body("").post(endpoint),
                        400, "invalid_request", null),
                new Case(endpoint + ": no body, no content type", () -> service().post(endpoint),
                        400, "invalid_request", null));
    }

    /** RFC 7523 §3: malformed client assertions are invalid_client, whatever is wrong with them. */
    private static Stream<Case> assertionCases() {
        return BadTokens.all().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("oversized"))
                .map(e -> new Case("token: client_assertion " + e.getKey(), () -> given()
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_assertion_type", TestAssertions.JWT_BEARER)
                        .formParam("client_assertion", e.getValue()).post(TOKEN), 401, "invalid_client", null));
    }

    private static RequestSpecification service() {
        return given().auth().preemptive().basic("test-service", "test-service-secret").when();
    }

    private static byte[] binary() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
