package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.SPA_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.OpFlows.AUTHORIZE;
import static dev.arbor.federation.adapter.in.rest.OpFlows.LOGIN_PAGE;
import static dev.arbor.federation.adapter.in.rest.OpFlows.TOKEN;
import static dev.arbor.federation.adapter.in.rest.OpFlows.authorize;
import static dev.arbor.federation.adapter.in.rest.OpFlows.userinfo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.LogoutClients;
import dev.arbor.federation.support.Pkce;
import dev.arbor.federation.support.TestKeys;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The attacks of RFC 9700 (OAuth 2.0 Security Best Current Practice) that this service answers itself,
 * numbered O1..O46 as in {@code docs/reference/oidc.md}. Those that token-service answers (code and
 * refresh-token replay, races, lifetimes) are proven in its own tests, listed there too.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class Rfc9700AttacksTest {
    private static final String DISCOVERY = "/realms/demo/.well-known/openid-configuration";

    @Test
    @DisplayName("O1: redirect URI manipulations are matched exactly and answered with an error page, never a redirect")
    void manipulatedRedirectUrisAreNeverRedirectedTo() {
        for (String uri : List.of(
                "http://localhost:9999/spa/..;/callback", "http://localhost:9999/spa/callback/extra",
                "http://localhost:9999/SPA/callback", "HTTP://LOCALHOST:9999/spa/callback",
                "http://localhost:9999/spa/callback/", "http://localhost:9999/spa/callback?x=1",
                "http://localhost:9999/spa/callback#f", "http://localhost:9998/spa/callback",
                "https://localhost:9999/spa/callback", "http://localhost:9999/spa/callback%2F..%2Fother",
                "http://localhost:9999@evil.example/spa/callback", "http://localhost:9999/spa/callback ")) {
            Response response = authorize(Map.of("redirect_uri", uri), FakeSessionStore.aliceSession("demo", 5));

            response.then().statusCode(400).contentType(containsString("text/html")).header("Location", nullValue());
            assertThat(uri, response.body().asString(), not(containsString("evil.example")));
        }
    }

    @Test
    @DisplayName("O1: a redirect URI with a fragment cannot be registered")
    void redirectUriWithAFragmentCannotBeRegistered() {
        given().auth().oauth2(LogoutClients.adminToken()).contentType("application/json")
                .body("""
                        {"clientId":"frag-%s","type":"public","grantTypes":["authorization_code"],
                         "scopes":["openid"],"redirectUris":["https://app.example/cb#frag"]}
                        """.formatted(UUID.randomUUID()))
                .when().post("/admin/realms/demo/clients")
                .then().statusCode(400).body(containsString("fragment"));
    }

    @Test
    @DisplayName("O2: an http redirect URI is registered only for a loopback host (RFC 8252 §7.3)")
    void plainHttpRedirectUrisAreOnlyForLoopback() {
        for (String uri : List.of("http://rp.example/cb", "http://10.0.0.7/cb")) {
            given().auth().oauth2(LogoutClients.adminToken()).contentType("application/json")
                    .body("""
                            {"clientId":"http-%s","type":"public","grantTypes":["authorization_code"],
                             "scopes":["openid"],"redirectUris":["%s"]}
                            """.formatted(UUID.randomUUID(), uri))
                    .when().post("/admin/realms/demo/clients")
                    .then().statusCode(400).body(containsString("https"));
        }
        for (String uri : List.of("http://localhost:7777/cb", "http://127.0.0.1:7777/cb", "http://[::1]:7777/cb",
                "https://rp.example/cb", "com.example.app:/oauth2redirect")) {
            given().auth().oauth2(LogoutClients.adminToken()).contentType("application/json")
                    .body("""
                            {"clientId":"loop-%s","type":"public","grantTypes":["authorization_code"],
                             "scopes":["openid"],"redirectUris":["%s"]}
                            """.formatted(UUID.randomUUID(), uri))
                    .when().post("/admin/realms/demo/clients")
                    .then().statusCode(201);
        }
    }

    @Test
    @DisplayName("O5/O8: only S256 is published and plain PKCE is refused")
    void onlyS256() {
        given().when().get(DISCOVERY).then().body("code_challenge_methods_supported", equalTo(List.of("S256")));

        Response plain = authorize(Map.of("code_challenge_method", "plain", "code_challenge", Pkce.VERIFIER), null);

        assertThat(query(plain.header("Location")), allOf(hasEntry("error", "invalid_request"), not(hasKey("code"))));
    }

    @Test
    @DisplayName("O21: the authorization response carries iss (RFC 9207), and discovery says so")
    void authorizationResponsesCarryIss() {
        given().when().get(DISCOVERY).then().body("authorization_response_iss_parameter_supported", equalTo(true));

        assertThat(query(authorize(Map.of(), FakeSessionStore.aliceSession("demo", 5)).header("Location")),
                allOf(hasKey("code"), hasEntry("iss", ISSUER)));
        assertThat(query(authorize(Map.of("prompt", "none"), null).header("Location")),
                allOf(hasEntry("error", "login_required"), hasEntry("iss", ISSUER)));
    }

    @Test
    @DisplayName("O22: no automatic redirect for an invalid client_id/redirect_uri pair, whatever else is wrong")
    void noOpenRedirectorOnErrors() {
        for (Map<String, String> bad : List.of(
                Map.of("redirect_uri", "https://evil.example/cb", "response_type", "token"),
                Map.of("redirect_uri", "https://evil.example/cb", "scope", "openid admin"),
                Map.of("redirect_uri", "https://evil.example/cb", "prompt", "none"),
                Map.of("client_id", "no-such-client", "redirect_uri", "https://evil.example/cb"),
                Map.of("client_id", "test-service", "redirect_uri", "https://evil.example/cb"))) {
            authorize(bad, null).then().statusCode(400).header("Location", nullValue());
        }
    }

    @Test
    @DisplayName("O23: redirects after a POST to the authorization endpoint are 303, errors included")
    void redirectsAfterPostAre303() {
        given().redirects().follow(false)
                .formParam("response_type", "code").formParam("client_id", "test-spa")
                .formParam("redirect_uri", SPA_REDIRECT).formParam("scope", "openid")
                .formParam("code_challenge", Pkce.CHALLENGE).formParam("code_challenge_method", "S256")
                .when().post(AUTHORIZE)
                .then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        given().redirects().follow(false)
                .formParam("response_type", "token").formParam("client_id", "test-spa")
                .formParam("redirect_uri", SPA_REDIRECT).formParam("scope", "openid")
                .when().post(AUTHORIZE)
                .then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?error=unsupported_response_type"));
    }

    @Test
    @DisplayName("O24/O28: the authorization endpoint's HTML pages send no referrer and may not be framed")
    void htmlPagesMayNotBeFramedAndSendNoReferrer() {
        for (Map<String, String> page : List.of(Map.of("redirect_uri", "https://evil.example/cb"),
                Map.of("client_id", "no-such-client"))) {
            authorize(page, null).then().statusCode(400).contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Content-Type-Options", "nosniff");
        }
        authorize(Map.of("response_mode", "form_post"), FakeSessionStore.aliceSession("demo", 5))
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    @DisplayName("O26: implicit and hybrid response types are refused; only code is published")
    void implicitAndHybridAreRefused() {
        given().when().get(DISCOVERY).then().body("response_types_supported", equalTo(List.of("code")))
                .body("grant_types_supported", not(hasItem("implicit")));
        for (String type : List.of("token", "id_token", "id_token token", "code id_token", "code token",
                "code id_token token", "none")) {
            Response response = authorize(Map.of("response_type", type), FakeSessionStore.aliceSession("demo", 5));

            assertThat(type, query(response.header("Location")), allOf(hasEntry("error", "unsupported_response_type"),
                    not(hasKey("code")), not(hasKey("access_token")), not(hasKey("id_token"))));
            assertThat(type, response.header("Location"), not(containsString("#")));
        }
    }

    @Test
    @DisplayName("O27: the resource owner password credentials grant is not offered")
    void passwordGrantIsRefused() {
        given().when().get(DISCOVERY).then().body("grant_types_supported", not(hasItem("password")));

        given().auth().preemptive().basic("test-rp", "test-rp-secret").formParam("grant_type", "password")
                .formParam("username", "alice").formParam("password", "Wonderland-2026")
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"))
                .body("access_token", nullValue());
    }

    @Test
    @DisplayName("O29: the authorization endpoint answers no CORS, even to a request or preflight with an Origin")
    void authorizationEndpointAnswersNoCors() {
        spaRequest().header("Origin", "https://evil.example").when().get(AUTHORIZE)
                .then().statusCode(303).header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options(AUTHORIZE)
                .then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("response_type", "code").formParam("client_id", "test-spa")
                .when().post(AUTHORIZE)
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    @DisplayName("O31: state is echoed exactly and long state and nonce values work")
    void longStateAndNonceAreKeptExactly() {
        String state = "s-" + "aZ09-._~ +&=/?%é".repeat(60);
        String nonce = "n-" + "x".repeat(1000);

        Response success = authorize(Map.of("state", state, "nonce", nonce), FakeSessionStore.aliceSession("demo", 5));
        Response error = authorize(Map.of("state", state, "prompt", "maybe"), null);

        assertThat(query(success.header("Location")), allOf(hasKey("code"), hasEntry("state", state)));
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getNonce(), is(nonce));
        assertThat(query(error.header("Location")), allOf(hasEntry("error", "invalid_request"), hasEntry("state", state)));
    }

    @Test
    @DisplayName("O33: a repeated parameter is invalid_request at the authorization and token endpoints")
    void repeatedParametersAreRefused() {
        // a repeated redirect_uri names no single registered URI: the error cannot go back, so it is a page
        spaRequest().queryParam("redirect_uri", SPA_REDIRECT).when().get(AUTHORIZE)
                .then().statusCode(400).header("Location", nullValue());
        for (String name : List.of("scope", "state", "code_challenge", "response_type", "nonce")) {
            Response response = spaRequest().queryParam(name, "again").cookie("arbor_session",
                    FakeSessionStore.aliceSession("demo", 5).getId()).when().get(AUTHORIZE);

            assertThat(name, response.statusCode(), is(303));
            assertThat(name, query(response.header("Location")), allOf(hasEntry("error", "invalid_request"),
                    not(hasKey("code"))));
        }
        given().formParam("grant_type", "authorization_code").formParam("client_id", "test-spa")
                .formParam("code", "a").formParam("code", "b").formParam("redirect_uri", SPA_REDIRECT)
                .formParam("code_verifier", Pkce.VERIFIER)
                .when().post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    @DisplayName("O37: X-Forwarded-* and Forwarded headers from outside change neither the issuer nor where the browser is sent")
    void forwardedHeadersAreNotTrusted() {
        given().header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443").header("Forwarded", "host=evil.example;proto=https")
                .when().get(DISCOVERY)
                .then().statusCode(200).body("issuer", equalTo(ISSUER))
                .body("authorization_endpoint", equalTo(ISSUER + "/oauth2/authorize"));
        spaRequest().header("X-Forwarded-Host", "evil.example").header("Forwarded", "host=evil.example")
                .when().get(AUTHORIZE)
                .then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
    }

    @Test
    @DisplayName("O40: an access token with alg none, HS256 or a foreign key is refused at UserInfo")
    void unsignedOrForeignAccessTokensAreRefused() {
        for (String token : List.of(
                TestTokens.accessToken().signedWith(null, TestKeys.SIGNING.getKeyId(), AlgorithmIdentifiers.NONE).build(),
                TestTokens.accessToken().signedWith(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"),
                        TestKeys.SIGNING.getKeyId(), AlgorithmIdentifiers.HMAC_SHA256).build(),
                TestTokens.accessToken().signedWith(TestKeys.UNKNOWN_KID).build(),
                TestTokens.accessToken().signedWith(TestKeys.FORGED_SAME_KID).build())) {
            userinfo(token).then().statusCode(401).body("error", equalTo("invalid_token"));
        }
    }

    @Test
    @DisplayName("O45: token responses, successes and errors, are Cache-Control no-store and Pragma no-cache")
    void tokenResponsesAreNeverCached() {
        given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("grant_type", "client_credentials").when().post(TOKEN)
                .then().statusCode(200).header("Cache-Control", "no-store").header("Pragma", "no-cache");
        given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("grant_type", "password").when().post(TOKEN)
                .then().statusCode(400).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static io.restassured.specification.RequestSpecification spaRequest() {
        return AuthorizeResourceTest.spaRequest();
    }
}
