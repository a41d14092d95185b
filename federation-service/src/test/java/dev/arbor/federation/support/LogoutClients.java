package dev.arbor.federation.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

/** Registers, through the admin API, relying parties with logout URIs (a fresh client id each time). */
public final class LogoutClients {
    public static final String REDIRECT = "http://localhost:9999/logout-rp/callback";
    public static final String POST_LOGOUT = "http://localhost:9999/logout-rp/bye";
    public static final String POST_LOGOUT_WITH_QUERY = "http://localhost:9999/logout-rp/bye?tenant=a";
    public static final String FRONTCHANNEL = "http://localhost:9998/logout-rp/frontchannel";

    private LogoutClients() {
    }

    /** A public client with post-logout redirect URIs, a front-channel URI and this back-channel URI (or none). */
    public static String register(String backchannelUri) {
        String id = "logout-rp-" + UUID.randomUUID();
        String backchannel = backchannelUri == null ? "" : ",\"backchannelLogoutUri\":\"" + backchannelUri
                + "\",\"backchannelLogoutSessionRequired\":true";
        given().auth().oauth2(adminToken()).contentType("application/json")
                .body("""
                        {"clientId":"%s","name":"Logout RP","type":"public","grantTypes":["authorization_code"],
                         "scopes":["openid","profile"],"redirectUris":["%s"],
                         "postLogoutRedirectUris":["%s","%s"],
                         "frontchannelLogoutUri":"%s","frontchannelLogoutSessionRequired":true%s}
                        """.formatted(id, REDIRECT, POST_LOGOUT, POST_LOGOUT_WITH_QUERY, FRONTCHANNEL, backchannel))
                .when().post("/admin/realms/demo/clients")
                .then().statusCode(201);
        return id;
    }

    public static String adminToken() {
        return given().auth().preemptive().basic("arbor-admin", "test-admin-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "arbor:admin")
                .when().post("/realms/admin/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
