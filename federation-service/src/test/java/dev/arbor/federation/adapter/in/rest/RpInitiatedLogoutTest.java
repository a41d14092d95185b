package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.spaRequest;
import static dev.arbor.federation.support.LogoutClients.FRONTCHANNEL;
import static dev.arbor.federation.support.LogoutClients.POST_LOGOUT;
import static dev.arbor.federation.support.LogoutClients.POST_LOGOUT_WITH_QUERY;
import static dev.arbor.federation.support.LogoutClients.REDIRECT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.port.LogoutParticipants;
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
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect RP-Initiated Logout 1.0 at {@code /realms/demo/oauth2/logout}, with Front-Channel
 * Logout 1.0 iframes: who may log the browser out, where it may go afterwards, what it clears.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RpInitiatedLogoutTest {
    private static final String LOGOUT = "/realms/demo/oauth2/logout";
    private static final String ISSUER = "http://localhost:8080/realms/demo";

    @Inject
    LogoutParticipants participants;

    private String client;
    private Session session;

    @BeforeEach
    void givenARegisteredClientAndALiveSessionOfAlice() {
        client = LogoutClients.register(null);
        session = FakeSessionStore.sessionOf("demo", "alice");
    }

    private String hint() {
        return TestTokens.accessToken().type("JWT").clientId(client).subject("alice").sessionId(session.getSid())
                .build();
    }

    private RequestSpecification browser() {
        return given().redirects().follow(false).cookie("arbor_session", session.getId());
    }

    private boolean ended(Session s) {
        return FakeSessionStore.ENDED.stream().anyMatch(r -> r.getId().equals(s.getId()));
    }

    @Test
    void hintOfTheBrowsersSessionEndsItClearsItsCookiesAndRendersTheFrontchannelIframesThenContinues() {
        // Given the client took part in the session: it got a code through the authorization endpoint
        String code = spaRequest(Map.of("client_id", client, "redirect_uri", REDIRECT, "scope", "openid"))
                .cookie("arbor_session", session.getId())
                .when().get("/realms/demo/oauth2/authorize").then().statusCode(303).extract().header("Location");
        assertThat(code, startsWith(REDIRECT + "?code="));

        // When the RP sends the browser to log out with its ID token, and the browser carries memory cookies
        Response response = browser().cookie("arbor_nr_abcdef0123456789", "sealed")
                .cookie("__Host-arbor_nr_fedcba9876543210", "sealed").cookie("unrelated", "keep")
                .queryParam("id_token_hint", hint()).queryParam("post_logout_redirect_uri", POST_LOGOUT)
                .queryParam("state", "st-1").queryParam("ui_locales", "fr-CA en")
                .when().get(LOGOUT);

        // Then the session ended at session-store, reason logout
        response.then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        EndSessionRequest end = FakeSessionStore.ENDED.stream().filter(r -> r.getId().equals(session.getId()))
                .findFirst().orElseThrow();
        assertEquals("logout", end.getReason());
        assertEquals("demo", end.getRealm());
        assertFalse(FakeSessionStore.isLive(session.getId()));
        // And the page loads the RP's front-channel URI with iss and sid, then goes on to the RP with state
        String html = response.body().asString();
        String frame = FRONTCHANNEL + "?iss=" + enc(ISSUER) + "&sid=" + enc(session.getSid());
        assertThat(html, containsString("<iframe src=\"" + frame.replace("&", "&amp;") + "\""));
        assertThat(html, containsString("url=" + (POST_LOGOUT + "?state=st-1")));
        assertThat(html, containsString("lang=\"fr-CA\""));
        assertThat(html, not(containsString("<script")));
        String csp = response.header("Content-Security-Policy");
        assertThat(csp, containsString("default-src 'none'"));
        assertThat(csp, containsString("frame-src http://localhost:9998;"));
        assertThat(csp, not(containsString("unsafe-inline")));
        // And the SSO cookie and each memory cookie sent are cleared with their attributes; others are not
        List<String> cookies = response.headers().getValues("Set-Cookie");
        assertThat(cookies, hasItem("arbor_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax"));
        assertThat(cookies, hasItem("arbor_nr_abcdef0123456789=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax"));
        assertThat(cookies, hasItem("__Host-arbor_nr_fedcba9876543210=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure"));
        assertTrue(cookies.stream().noneMatch(c -> c.startsWith("unrelated")));
    }

    @Test
    void withoutFrontchannelParticipantsTheBrowserIsRedirectedToTheRegisteredUriWithState() {
        Response response = browser().queryParam("id_token_hint", hint())
                .queryParam("post_logout_redirect_uri", POST_LOGOUT_WITH_QUERY).queryParam("state", "a b&c")
                .when().get(LOGOUT);

        response.then().statusCode(303).header("Location", POST_LOGOUT_WITH_QUERY + "&state=" + enc("a b&c"));
        assertThat(response.headers().getValues("Set-Cookie"),
                hasItem("arbor_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax"));
        assertTrue(ended(session));
    }

    @Test
    void anExpiredHintIsAcceptedAndALogoutRequestMayComeByPost() {
        String expired = TestTokens.accessToken().type("JWT").clientId(client).subject("alice")
                .sessionId(session.getSid()).expiresIn(-3600).build();

        browser().contentType("application/x-www-form-urlencoded").formParam("id_token_hint", expired)
                .formParam("post_logout_redirect_uri", POST_LOGOUT)
                .when().post(LOGOUT)
                .then().statusCode(303).header("Location", POST_LOGOUT);
        assertTrue(ended(session));
    }

    @Test
    void anRpsFormPostThatArrivesWithoutTheSessionCookieAsksSoTheSameSiteConfirmationCarriesIt() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("id_token_hint", hint()).formParam("post_logout_redirect_uri", POST_LOGOUT)
                .when().post(LOGOUT)
                .then().statusCode(200).body(containsString("<form method=\"post\""))
                .body(containsString("value=\"" + POST_LOGOUT + "\""));
        assertFalse(ended(session));
    }

    @Test
    void aBareGetWithoutHintNeverLogsOutItAsksAndTheConfirmedPostDoes() {
        // When the browser arrives without an ID token hint
        Response ask = browser().queryParam("client_id", client).queryParam("post_logout_redirect_uri", POST_LOGOUT)
                .queryParam("state", "st-2").when().get(LOGOUT);

        // Then nothing ended: a confirmation form, without script, with a CSRF token also set as a cookie
        ask.then().statusCode(200).contentType(containsString("text/html"));
        assertFalse(ended(session));
        String html = ask.body().asString();
        assertThat(html, containsString("<form method=\"post\""));
        assertThat(html, not(containsString("<script")));
        String csp = ask.header("Content-Security-Policy");
        assertThat(csp, containsString("default-src 'none'"));
        assertThat(csp, containsString("form-action 'self' "));
        assertThat(csp, containsString(" http://localhost:9999"));
        String token = hidden(html, LogoutResource.CSRF_FIELD);
        String cookie = ask.getCookie(LogoutResource.CSRF_COOKIE);
        assertEquals(token, cookie);
        assertThat(ask.header("Set-Cookie"), containsString("SameSite=Strict"));

        // When the user confirms (the form's fields, the CSRF cookie)
        Response confirmed = browser().cookie(LogoutResource.CSRF_COOKIE, cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam(LogoutResource.CSRF_FIELD, token).formParam("client_id", hidden(html, "client_id"))
                .formParam("post_logout_redirect_uri", hidden(html, "post_logout_redirect_uri"))
                .formParam("state", hidden(html, "state"))
                .when().post(LOGOUT);

        // Then the session ends and the browser goes back to the RP with its state
        confirmed.then().statusCode(303).header("Location", POST_LOGOUT + "?state=st-2");
        assertTrue(ended(session));
    }

    @Test
    void aConfirmationWithoutTheMatchingCsrfCookieIsRefusedAndLogsNothingOut() {
        String html = browser().when().get(LOGOUT).then().statusCode(200).extract().body().asString();
        String token = hidden(html, LogoutResource.CSRF_FIELD);

        for (String cookie : new String[] {null, "another-value"}) {
            RequestSpecification post = browser().contentType("application/x-www-form-urlencoded")
                    .formParam(LogoutResource.CSRF_FIELD, token);
            if (cookie != null) {
                post = post.cookie(LogoutResource.CSRF_COOKIE, cookie);
            }
            post.when().post(LOGOUT).then().statusCode(400).contentType(containsString("text/html"))
                    .header("Location", nullValue());
        }
        assertFalse(ended(session));
    }

    @Test
    void aHintOfAnotherSessionAsksInsteadOfLoggingOut() {
        String otherSessions = TestTokens.accessToken().type("JWT").clientId(client).subject("alice")
                .sessionId("sess-someone-elses").build();

        browser().queryParam("id_token_hint", otherSessions).when().get(LOGOUT)
                .then().statusCode(200).body(containsString("<form method=\"post\""));
        assertFalse(ended(session));
    }

    @Test
    void withoutABrowserSessionThereIsNothingToEndAndTheRegisteredUriIsStillHonoured() {
        given().redirects().follow(false).queryParam("client_id", client)
                .queryParam("post_logout_redirect_uri", POST_LOGOUT).queryParam("state", "s")
                .when().get(LOGOUT)
                .then().statusCode(303).header("Location", POST_LOGOUT + "?state=s");
        given().redirects().follow(false).when().get(LOGOUT)
                .then().statusCode(200).body(containsString("You are signed out"));
    }

    @Test
    void postLogoutRedirectUriMustMatchARegisteredOneExactly() {
        for (String near : new String[] {POST_LOGOUT + "/", POST_LOGOUT + "?x=1", POST_LOGOUT_WITH_QUERY + "&b=2",
                "HTTP://localhost:9999/logout-rp/bye", "http://localhost:9999/logout-rp/BYE", "https://evil.example/"}) {
            Response response = browser().queryParam("id_token_hint", hint())
                    .queryParam("post_logout_redirect_uri", near).when().get(LOGOUT);
            response.then().statusCode(400).contentType(containsString("text/html")).header("Location", nullValue());
            assertThat(near, response.body().asString(), containsString("not registered"));
        }
        assertFalse(ended(session));
    }

    @Test
    void aPostLogoutRedirectUriNeedsAnIdentifiableClient() {
        browser().queryParam("post_logout_redirect_uri", POST_LOGOUT).when().get(LOGOUT)
                .then().statusCode(400).header("Location", nullValue())
                .body(containsString("identify the client"));
        assertFalse(ended(session));
    }

    @Test
    void badHintsAndMismatchedClientsAreErrorPagesNeverRedirectsNorServerErrors() {
        Map<String, Map<String, String>> cases = Map.of(
                "another realm's ID token", Map.of("id_token_hint", TestTokens.accessToken().type("JWT")
                        .issuer(TestTokens.issuerOf("admin")).clientId(client).build()),
                "a forged signature", Map.of("id_token_hint", TestTokens.accessToken().type("JWT").clientId(client)
                        .signedWith(TestKeys.FORGED_SAME_KID).build()),
                "not a JWT", Map.of("id_token_hint", "abc.def"),
                "garbage", Map.of("id_token_hint", "%%%"),
                "an access token", Map.of("id_token_hint", TestTokens.accessToken().clientId(client).build()),
                "client_id not the hint's audience", Map.of("id_token_hint", hint(), "client_id", "test-spa"),
                "an unknown client", Map.of("client_id", "no-such-client"));
        cases.forEach((what, parameters) -> {
            Response response = browser().queryParams(parameters).queryParam("post_logout_redirect_uri", POST_LOGOUT)
                    .when().get(LOGOUT);
            assertEquals(400, response.statusCode(), what);
            assertThat(what, response.header("Location"), is(nullValue()));
            assertThat(what, response.contentType(), containsString("text/html"));
        });
        assertFalse(ended(session));
    }

    @Test
    void repeatedParametersAndMalformedBodiesAreRefused() {
        browser().queryParam("state", "a").queryParam("state", "b").when().get(LOGOUT).then().statusCode(400);
        browser().contentType("application/json").body("{}").when().post(LOGOUT)
                .then().statusCode(400).contentType(containsString("text/html"));
        browser().contentType("application/x-www-form-urlencoded").body("state=%zz").when().post(LOGOUT)
                .then().statusCode(400);
        given().when().get("/realms/no-such-realm/oauth2/logout").then().statusCode(404);
        assertFalse(ended(session));
    }

    @Test
    void participantsAreRecordedPerSessionWhenACodeIsIssued() {
        spaRequest(Map.of("client_id", client, "redirect_uri", REDIRECT, "scope", "openid"))
                .cookie("arbor_session", session.getId())
                .when().get("/realms/demo/oauth2/authorize").then().statusCode(303);

        assertThat(participants.of("demo", session.getSid()).await().atMost(Duration.ofSeconds(5)),
                equalTo(java.util.Set.of(client)));
        assertTrue(participants.of("demo", "sess-nobody").await().atMost(Duration.ofSeconds(5)).isEmpty());
    }

    @Test
    void discoveryAnnouncesTheLogoutEndpointAndMechanisms() {
        given().when().get("/realms/demo/.well-known/openid-configuration").then().statusCode(200)
                .body("end_session_endpoint", equalTo(ISSUER + "/oauth2/logout"))
                .body("frontchannel_logout_supported", is(true))
                .body("frontchannel_logout_session_supported", is(true))
                .body("backchannel_logout_supported", is(true))
                .body("backchannel_logout_session_supported", is(true));
    }

    @Test
    void theAdminApiShowsAndValidatesTheLogoutRegistrations() {
        given().auth().oauth2(LogoutClients.adminToken()).when().get("/admin/realms/demo/clients")
                .then().statusCode(200)
                .body("find { it.clientId == '" + client + "' }.postLogoutRedirectUris", hasItem(POST_LOGOUT))
                .body("find { it.clientId == '" + client + "' }.frontchannelLogoutUri", equalTo(FRONTCHANNEL))
                .body("find { it.clientId == '" + client + "' }.frontchannelLogoutSessionRequired", is(true));
        given().auth().oauth2(LogoutClients.adminToken()).contentType("application/json")
                .body("""
                        {"clientId":"bad-logout-%s","type":"public","postLogoutRedirectUris":["/relative"],
                         "backchannelLogoutUri":"http://rp.example/bc#frag","frontchannelLogoutSessionRequired":"yes"}
                        """.formatted(Instant.now().toEpochMilli()))
                .when().post("/admin/realms/demo/clients")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("frontchannelLogoutSessionRequired must be true or false"));
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "hidden field " + name);
        return m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
