package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.support.LogoutClients.POST_LOGOUT;
import static dev.arbor.federation.support.LogoutClients.POST_LOGOUT_WITH_QUERY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.LogoutClients;
import dev.arbor.federation.support.TestKeys;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect RP-Initiated Logout 1.0 negative tests of the OIDF RP-initiated logout plan and RFC 9700
 * (open redirector §4.11.2, 303 after POST §4.12, clickjacking §4.16) at {@code /realms/demo/oauth2/logout}.
 * The positive paths are RpInitiatedLogoutTest's.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class OpCertificationLogoutTest {
    private static final String LOGOUT = "/realms/demo/oauth2/logout";

    private String client;
    private Session session;

    @BeforeEach
    void givenAClientWithRegisteredLogoutUrisAndALiveSessionOfAlice() {
        client = LogoutClients.register(null);
        session = FakeSessionStore.sessionOf("demo", "alice");
    }

    private TestTokens hint() {
        return TestTokens.accessToken().type("JWT").clientId(client).subject("alice").sessionId(session.getSid());
    }

    private RequestSpecification browser() {
        return given().redirects().follow(false).cookie("arbor_session", session.getId());
    }

    private boolean ended() {
        return FakeSessionStore.ENDED.stream().anyMatch(r -> r.getId().equals(session.getId()));
    }

    private static void assertErrorPageNoRedirect(Response response, String what) {
        response.then().statusCode(400).contentType(containsString("text/html")).header("Location", nullValue());
        assertThat(what, response.header("Content-Security-Policy"), containsString("frame-ancestors 'none'"));
        assertThat(what, response.header("Referrer-Policy"), equalTo("no-referrer"));
    }

    @Test
    @DisplayName("O22 (logout): an unregistered post_logout_redirect_uri, or a registered one with an added query, is never redirected to")
    void unregisteredOrExtendedPostLogoutRedirectUriIsAnErrorPage() {
        for (String uri : new String[] {"https://evil.example/bye", POST_LOGOUT + "?next=https://evil.example",
                POST_LOGOUT_WITH_QUERY + "&x=1", POST_LOGOUT + "#f", POST_LOGOUT + "/.."}) {
            Response response = browser().queryParam("id_token_hint", hint().build())
                    .queryParam("post_logout_redirect_uri", uri).queryParam("state", "s").when().get(LOGOUT);

            assertErrorPageNoRedirect(response, uri);
            assertFalse(response.body().asString().contains("evil.example"), uri);
        }
        assertFalse(ended(), "nothing was logged out");
    }

    @Test
    @DisplayName("O40 (logout): an id_token_hint with alg none, or signed by a foreign key, is refused and logs nothing out")
    void unsignedOrForeignlySignedHintIsRefused() {
        Map<String, String> hints = new LinkedHashMap<>();
        hints.put("alg none", hint().signedWith(null, TestKeys.SIGNING.getKeyId(), AlgorithmIdentifiers.NONE).build());
        hints.put("a key not in the JWKS", hint().signedWith(TestKeys.UNKNOWN_KID).build());
        hints.put("a foreign key under the realm's kid", hint().signedWith(TestKeys.FORGED_SAME_KID).build());
        hints.put("HS256 with the public key's kid", hint().signedWith(
                new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"), TestKeys.SIGNING.getKeyId(),
                AlgorithmIdentifiers.HMAC_SHA256).build());

        hints.forEach((what, hint) -> {
            assertErrorPageNoRedirect(browser().queryParam("id_token_hint", hint)
                    .queryParam("post_logout_redirect_uri", POST_LOGOUT).when().get(LOGOUT), what);
            assertErrorPageNoRedirect(browser().formParam("id_token_hint", hint)
                    .formParam("post_logout_redirect_uri", POST_LOGOUT).when().post(LOGOUT), what + " (POST)");
        });
        assertFalse(ended(), "nothing was logged out");
        assertTrue(FakeSessionStore.isLive(session.getId()));
    }

    @Test
    @DisplayName("O23 (logout): a logout request by POST is answered with 303 to the registered URI, never 307")
    void logoutByPostRedirectsWith303() {
        Response response = browser().formParam("id_token_hint", hint().build())
                .formParam("post_logout_redirect_uri", POST_LOGOUT).formParam("state", "bye-1")
                .when().post(LOGOUT);

        response.then().statusCode(303).header("Location", equalTo(POST_LOGOUT + "?state=bye-1"));
        assertTrue(ended());
    }

    @Test
    @DisplayName("O24/O28 (logout): the confirmation page may not be framed and sends no referrer")
    void confirmationPageMayNotBeFramed() {
        Response response = browser().when().get(LOGOUT);

        response.then().statusCode(200).contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        assertFalse(ended(), "a bare GET only asks");
    }
}
