package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.SPA_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.spaRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.Pkce;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** response_mode: query, fragment, form_post and web_message (popup), per-client allowed modes, iss everywhere. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class ResponseModeTest {
    static final String SCRIPT = ISSUER + "/oauth2/assets/authorization-response.js";
    static final String POPUP_REDIRECT = "https://app.example.com:8443/popup/callback";
    private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private static Response withSession(RequestSpecification request) {
        Session session = FakeSessionStore.aliceSession("demo", 0);
        return request.cookie("arbor_session", session.getId()).when().get("/realms/demo/oauth2/authorize");
    }

    private static RequestSpecification popupRequest(Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "test-popup-spa");
        params.put("redirect_uri", POPUP_REDIRECT);
        params.put("scope", "openid profile");
        params.put("state", "pop-1");
        params.put("code_challenge", Pkce.CHALLENGE);
        params.put("code_challenge_method", "S256");
        params.putAll(overrides);
        return given().redirects().follow(false).queryParams(params);
    }

    private static Map<String, String> hiddenInputs(String html) {
        Map<String, String> inputs = new HashMap<>();
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            inputs.put(m.group(1), m.group(2));
        }
        return inputs;
    }

    private static Map<String, String> fragment(String location) {
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(location).getRawFragment().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void defaultModeIsQueryWithCodeStateAndIss() {
        Response response = withSession(spaRequest());

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));
        assertThat(query(response.header("Location")), allOf(hasKey("code"), hasEntry("state", "st-123"),
                hasEntry("iss", ISSUER)));
    }

    @Test
    void fragmentModePutsTheResponseInTheFragmentNotTheQuery() {
        Response response = withSession(spaRequest(Map.of("response_mode", "fragment")));

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "#code="));
        assertThat(URI.create(response.header("Location")).getRawQuery(), nullValue());
        assertThat(fragment(response.header("Location")), allOf(hasKey("code"), hasEntry("state", "st-123"),
                hasEntry("iss", ISSUER)));
    }

    @Test
    void fragmentModeErrorsGoInTheFragmentToo() {
        Response response = spaRequest(Map.of("response_mode", "fragment", "scope", "openid admin"))
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "#error=invalid_scope"));
        assertThat(fragment(response.header("Location")), hasEntry("iss", ISSUER));
    }

    @Test
    void formPostModeAnswersAnAutoSubmittingFormWithoutInlineScriptAndWithANoscriptButton() {
        Response response = withSession(spaRequest(Map.of("response_mode", "form_post")));

        response.then().statusCode(200).contentType(startsWith("text/html")).header("Location", nullValue())
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", allOf(containsString("script-src " + SCRIPT + ";"),
                        containsString("default-src 'none'"), containsString("form-action http://localhost:9999"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline"))))
                .header("Referrer-Policy", "no-referrer");
        String html = response.body().asString();
        assertThat(html, allOf(containsString("<form id=\"arbor-form-post\" method=\"post\" action=\"" + SPA_REDIRECT + "\">"),
                containsString("<script src=\"" + SCRIPT + "\" defer></script>"),
                containsString("<noscript>"), containsString("<button type=\"submit\">")));
        assertThat(html.replace("<script src=\"" + SCRIPT + "\" defer></script>", ""), not(containsString("<script")));
        assertThat(hiddenInputs(html), allOf(hasKey("code"), hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
    }

    @Test
    void formPostModeEscapesTheStateItEchoes() {
        Response response = withSession(spaRequest(Map.of("response_mode", "form_post", "state", "\"><script>x</script>")));

        String html = response.then().statusCode(200).extract().asString();
        assertThat(html, not(containsString("<script>x</script>")));
        assertThat(html, containsString("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
    }

    @Test
    void formPostModeErrorIsPostedBackWithIss() {
        Response response = spaRequest(Map.of("response_mode", "form_post", "scope", "openid admin"))
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(200).header("Location", nullValue());
        assertThat(hiddenInputs(response.body().asString()), allOf(hasEntry("error", "invalid_scope"),
                hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
    }

    @Test
    void webMessageModePostsOnlyToTheExactOriginOfTheRegisteredRedirectUri() {
        Response response = withSession(popupRequest(Map.of("response_mode", "web_message")));

        response.then().statusCode(200).contentType(startsWith("text/html")).header("Location", nullValue())
                .header("Content-Security-Policy", allOf(containsString("script-src " + SCRIPT + ";"),
                        not(containsString("unsafe-inline"))));
        String html = response.body().asString();
        assertThat(html, allOf(containsString("data-origin=\"https://app.example.com:8443\""),
                not(containsString("data-origin=\"*\"")), containsString("id=\"arbor-no-opener\" hidden")));
        assertThat(hiddenInputs(html), allOf(hasKey("code"), hasEntry("state", "pop-1"), hasEntry("iss", ISSUER)));
    }

    @Test
    void webMessageModeErrorReachesTheOpenerToo() {
        Response response = popupRequest(Map.of("response_mode", "web_message", "prompt", "none"))
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(200);
        assertThat(hiddenInputs(response.body().asString()), allOf(hasEntry("error", "login_required"),
                hasEntry("state", "pop-1"), hasEntry("iss", ISSUER)));
    }

    @Test
    void unknownResponseModeIsInvalidRequestSentTheDefaultWay() {
        Response response = spaRequest(Map.of("response_mode", "jwt")).when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?"));
        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_request"),
                hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
    }

    @Test
    void responseModeTheClientMayNotUseIsInvalidRequest() {
        Response response = popupRequest(Map.of("response_mode", "query")).when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303);
        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_request"),
                hasEntry("state", "pop-1"), hasEntry("iss", ISSUER)));
    }

    @Test
    void badResponseModeWithAnUnregisteredRedirectUriIsAPageNeverARedirect() {
        spaRequest(Map.of("response_mode", "form_post", "redirect_uri", "https://evil.example/cb"))
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(400).header("Location", nullValue()).body(not(containsString("arbor-form-post")));
    }

    @Test
    void theResponseScriptIsServedSameOriginAndTargetsOnlyTheGivenOrigin() {
        String script = given().when().get("/realms/demo/oauth2/assets/authorization-response.js")
                .then().statusCode(200).contentType(startsWith("text/javascript"))
                .header("X-Content-Type-Options", "nosniff").extract().asString();

        assertThat(script, allOf(containsString("window.opener.postMessage"),
                containsString("type: 'authorization_response'"), containsString("getAttribute('data-origin')"),
                containsString("form.submit()"), not(containsString("'*'"))));
        assertThat(script.contains("arbor-no-opener"), is(true));
    }

    @Test
    void discoveryListsTheFourModes() {
        given().when().get("/realms/demo/.well-known/openid-configuration").then().statusCode(200)
                .body("response_modes_supported", equalTo(java.util.List.of("query", "fragment", "form_post", "web_message")));
    }
}
