package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.SPA_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.spaRequest;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static io.restassured.RestAssured.given;

import dev.arbor.contracts.federation.v1.GetLoginFlowRequest;
import dev.arbor.contracts.federation.v1.GetLoginFlowResponse;
import dev.arbor.contracts.federation.v1.LoginFlowService;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.Pkce;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OIDC Core §5.5: the claims request parameter at the authorization endpoint. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class ClaimsParameterTest {
    @GrpcClient("federation")
    LoginFlowService federation;

    private static Response authorizeWithSession(Map<String, String> overrides) {
        return spaRequest(overrides).cookie("arbor_session", FakeSessionStore.aliceSession("demo", 5).getId())
                .when().get("/realms/demo/oauth2/authorize");
    }

    @Test
    void idTokenClaimRequestedOneByOneIsReleasedWithoutItsScope() {
        Response response = authorizeWithSession(Map.of("scope", "openid",
                "claims", "{\"id_token\":{\"email\":{\"essential\":true},\"name\":null}}"));

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getClaimsMap(), allOf(
                hasEntry("email", "alice@example.com"), hasEntry("name", "Alice Liddell"),
                not(hasKey("given_name")), not(hasKey("email_verified"))));
    }

    @Test
    void standardClaimTheIdentityLacksOrANonStandardClaimIsNotReleased() {
        authorizeWithSession(Map.of("scope", "openid",
                "claims", "{\"id_token\":{\"birthdate\":null,\"password_hash\":{\"essential\":true}}}"))
                .then().statusCode(303);

        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getClaimsMap(),
                allOf(not(hasKey("birthdate")), not(hasKey("password_hash"))));
    }

    @Test
    void userinfoMembersDoNotEnterTheIdToken() {
        authorizeWithSession(Map.of("scope", "openid", "claims", "{\"userinfo\":{\"phone_number\":null}}"))
                .then().statusCode(303);

        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getClaimsMap(),
                not(hasKey("phone_number")));
    }

    @Test
    void userinfoMemberIsReleasedAtUserinfoAlthoughTheScopesWouldNotRelease() {
        // Given a login asking for email only through claims.userinfo, with scope openid alone
        Response response = authorizeWithSession(Map.of("scope", "openid",
                "claims", "{\"userinfo\":{\"email\":null,\"password_hash\":null}}"));
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getUserinfoClaimsList(),
                is(List.of("email")));

        // When the client redeems the code and calls the UserInfo endpoint
        String accessToken = given().formParam("grant_type", "authorization_code").formParam("client_id", "test-spa")
                .formParam("code", query(response.header("Location")).get("code"))
                .formParam("redirect_uri", SPA_REDIRECT).formParam("code_verifier", Pkce.VERIFIER)
                .when().post("/realms/demo/oauth2/token")
                .then().statusCode(200).extract().path("access_token");

        // Then email is released there, and nothing the scopes or the request do not cover
        given().auth().oauth2(accessToken).when().get("/realms/demo/oauth2/userinfo")
                .then().statusCode(200).body("sub", equalTo("alice")).body("email", equalTo("alice@example.com"))
                .body("name", nullValue()).body("email_verified", nullValue()).body("password_hash", nullValue());
    }

    @Test
    void userinfoMemberWithAValueTheIdentityDoesNotHaveIsNotReleased() {
        authorizeWithSession(Map.of("scope", "openid", "claims",
                "{\"userinfo\":{\"email\":{\"value\":\"bob@example.com\"},\"name\":{\"values\":[\"Alice Liddell\"]}}}"))
                .then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));

        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getUserinfoClaimsList(),
                is(List.of("name")));
    }

    @Test
    void idTokenMemberWithAValueTheIdentityDoesNotHaveIsNotReleasedAndIsNoError() {
        authorizeWithSession(Map.of("scope", "openid", "claims",
                "{\"id_token\":{\"email\":{\"essential\":true,\"value\":\"bob@example.com\"},\"name\":null}}"))
                .then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));

        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getClaimsMap(),
                allOf(not(hasKey("email")), hasEntry("name", "Alice Liddell")));
    }

    @Test
    void essentialAcrTheLoginDidNotReachIsUnmetAuthenticationRequirements() {
        // Given a flow that makes acr strong-login essential: alice's existing session (acr login) does not answer it
        Response start = authorizeWithSession(Map.of("claims",
                "{\"id_token\":{\"acr\":{\"essential\":true,\"value\":\"strong-login\"}}}"));
        start.then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?"));

        // When the browser comes back with a session whose acr is still login
        Response response = given().redirects().follow(false).queryParam("flow", flowIdOf(start.header("Location")))
                .cookie("arbor_session", FakeSessionStore.aliceSession("demo", 0).getId())
                .when().get("/realms/demo/oauth2/authorize/resume");

        // Then the client gets unmet_authentication_requirements, no code
        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?"));
        assertThat(query(response.header("Location")), allOf(hasEntry("error", "unmet_authentication_requirements"),
                hasEntry("state", "st-123"), hasEntry("iss", ISSUER), not(hasKey("code"))));
    }

    @Test
    void essentialAcrMetByTheSessionIssuesTheCode() {
        authorizeWithSession(Map.of("claims",
                "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"strong-login\",\"login\"]}}}"))
                .then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getAcr(), is("login"));
    }

    @Test
    void valueAndValuesAreAccepted() {
        authorizeWithSession(Map.of("claims",
                "{\"id_token\":{\"acr\":{\"values\":[\"login\",\"strong\"]},\"sub\":{\"value\":\"alice\"}}}"))
                .then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));
    }

    @Test
    void acrRequestedAsAClaimChoosesTheTreeWhenAcrValuesIsAbsent() {
        Response response = spaRequest(Map.of("claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"strong-login\"]}}}"))
                .when().get("/realms/demo/oauth2/authorize");

        GetLoginFlowResponse flow = federation.getLoginFlow(GetLoginFlowRequest.newBuilder().setRealm("demo")
                .setFlowId(flowIdOf(response.header("Location"))).build()).await().atMost(Duration.ofSeconds(5));
        assertThat(flow.getTree(), is("strong-login"));
    }

    @Test
    void malformedClaimsParametersAreInvalidRequestSentToTheClient() {
        for (String claims : new String[] {"{not json", "[]", "\"x\"", "{\"id_token\":[]}",
                "{\"id_token\":{\"email\":true}}", "{\"id_token\":{\"email\":{\"essential\":\"yes\"}}}",
                "{\"userinfo\":{\"email\":{\"values\":\"a\"}}}", "{\"id_token\":{\"email\":{\"value\":1,\"values\":[1]}}}"}) {
            Response response = spaRequest(Map.of("claims", claims)).when().get("/realms/demo/oauth2/authorize");

            response.then().statusCode(303);
            assertThat(claims, query(response.header("Location")), allOf(hasEntry("error", "invalid_request"),
                    hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
        }
    }
}
