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

import dev.arbor.contracts.federation.v1.GetLoginFlowRequest;
import dev.arbor.contracts.federation.v1.GetLoginFlowResponse;
import dev.arbor.contracts.federation.v1.LoginFlowService;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
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
