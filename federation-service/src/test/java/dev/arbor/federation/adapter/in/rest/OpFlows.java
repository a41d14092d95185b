package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.spaRequest;
import static io.restassured.RestAssured.given;

import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.support.Pkce;
import io.restassured.response.Response;
import java.util.Map;

/**
 * The steps the OpenID Foundation's OP certification modules take, against this service with its fake
 * peers: an authorization request (with or without an SSO session), the code it answers, and the
 * token request that redeems it. Shared by the {@code OpCertification*Test} classes.
 */
final class OpFlows {
    static final String AUTHORIZE = "/realms/demo/oauth2/authorize";
    static final String TOKEN = "/realms/demo/oauth2/token";
    static final String USERINFO = "/realms/demo/oauth2/userinfo";
    static final String LOGIN_PAGE = "http://localhost:8080/ui/login?realm=demo&flow=";
    static final String RP = "test-rp";
    static final String RP_SECRET = "test-rp-secret";
    static final String RP_REDIRECT = "http://localhost:9999/rp/callback?tenant=a";

    private OpFlows() {
    }

    /** test-spa's authorization request with {@code overrides} (an empty value removes one), in the browser of {@code session}. */
    static Response authorize(Map<String, String> overrides, Session session) {
        var request = spaRequest(overrides);
        if (session != null) {
            request = request.cookie("arbor_session", session.getId());
        }
        return request.when().get(AUTHORIZE);
    }

    /** The code of a request answered at once from {@code session} (SSO). */
    static String codeFromSession(Map<String, String> overrides, Session session) {
        Response response = authorize(overrides, session);
        response.then().statusCode(303);
        String code = query(response.header("Location")).get("code");
        if (code == null) {
            throw new AssertionError("no code in " + response.header("Location"));
        }
        return code;
    }

    /** Redeems a code of test-spa (public client, PKCE S256 with {@link Pkce#VERIFIER}). */
    static Response redeemSpa(String code) {
        return given().formParam("grant_type", "authorization_code").formParam("client_id", "test-spa")
                .formParam("code", code).formParam("redirect_uri", AuthorizeResourceTest.SPA_REDIRECT)
                .formParam("code_verifier", Pkce.VERIFIER)
                .when().post(TOKEN);
    }

    /** test-rp's authorization request (confidential, no PKCE), answered at once from {@code session}. */
    static String rpCodeFromSession(Session session) {
        Response response = given().redirects().follow(false).cookie("arbor_session", session.getId())
                .queryParam("response_type", "code").queryParam("client_id", RP)
                .queryParam("redirect_uri", RP_REDIRECT).queryParam("scope", "openid profile")
                .queryParam("state", "rp-state").queryParam("nonce", "rp-nonce")
                .when().get(AUTHORIZE);
        response.then().statusCode(303);
        return query(response.header("Location")).get("code");
    }

    static Response userinfo(String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken).when().get(USERINFO);
    }
}
