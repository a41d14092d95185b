package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ClientSecrets;
import dev.arbor.federation.port.InitialAccessTokens;
import dev.arbor.federation.support.Pkce;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * RFC 7591 §3 client registration in realm {@code dcr} (initial access tokens), {@code dcr-open} (open)
 * and {@code demo} (closed, the default); see src/test/resources/realms.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class ClientRegistrationTest {
    static final String REGISTER = "/realms/dcr/oauth2/register";
    static final String ISSUER = "http://localhost:8080/realms/dcr";
    static final String WEB_CLIENT = """
            {"redirect_uris":["https://rp.example/cb"],"client_name":"Example RP","scope":"openid profile",
             "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
             "logo_uri":"https://rp.example/logo.png","software_id":"ignored-unknown-metadata"}""";
    static final String SERVICE_CLIENT = """
            {"grant_types":["client_credentials"],"token_endpoint_auth_method":"client_secret_post","scope":"api"}""";

    @Inject
    InitialAccessTokens initialAccessTokens;

    @Inject
    ClientSecretHasher hasher;

    static String adminToken() {
        return given().auth().preemptive().basic("arbor-admin", "test-admin-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "arbor:admin")
                .when().post("/realms/admin/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** An initial access token of realm dcr, issued through the admin API. */
    static String initialAccessToken(int maxUses) {
        return given().auth().oauth2(adminToken()).contentType("application/json")
                .body("{\"expiresIn\":600,\"maxUses\":" + maxUses + "}")
                .when().post("/admin/realms/dcr/initial-access-tokens")
                .then().statusCode(201).header("Cache-Control", "no-store").body("maxUses", equalTo(maxUses))
                .extract().path("token");
    }

    static Response register(String initialAccessToken, String metadata) {
        return given().auth().oauth2(initialAccessToken).contentType("application/json").body(metadata)
                .when().post(REGISTER);
    }

    @Test
    void registeredWebClientGetsItsIdTokenAndMetadataAndIsAnOrdinaryClient() {
        // Given an initial access token of the realm
        String iat = initialAccessToken(1);

        // When a web client registers with it
        JsonPath info = register(iat, WEB_CLIENT).then().statusCode(201)
                .contentType("application/json").header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("client_secret_expires_at", equalTo(0))
                .body("token_endpoint_auth_method", equalTo("client_secret_basic"))
                .body("application_type", equalTo("web"))
                .body("redirect_uris", contains("https://rp.example/cb"))
                .body("grant_types", contains("authorization_code", "refresh_token"))
                .body("response_types", contains("code"))
                .body("client_name", equalTo("Example RP"))
                .body("scope", equalTo("openid profile"))
                .body("logo_uri", nullValue())
                .extract().jsonPath();

        // Then it has an id, a 256-bit secret, a registration access token and its configuration URI
        String clientId = info.getString("client_id");
        assertTrue(info.getString("client_secret").length() >= 43);
        assertTrue(info.getString("registration_access_token").length() >= 43);
        assertEquals(ISSUER + "/oauth2/register/" + clientId, info.getString("registration_client_uri"));
        long issuedAt = info.getLong("client_id_issued_at");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - issuedAt) < 3600, "client_id_issued_at is now");

        // And the admin API lists it like any other client, without secrets
        given().auth().oauth2(adminToken()).when().get("/admin/realms/dcr/clients")
                .then().statusCode(200)
                .body("find { it.clientId == '" + clientId + "' }.redirectUris", contains("https://rp.example/cb"))
                .body("find { it.clientId == '" + clientId + "' }.type", equalTo("confidential"))
                .body(not(containsString(info.getString("client_secret"))));

        // And the authorization endpoint takes its registered redirect URI (PKCE, as for every client)
        given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", clientId)
                .queryParam("redirect_uri", "https://rp.example/cb").queryParam("scope", "openid")
                .queryParam("state", "s").queryParam("code_challenge", Pkce.CHALLENGE)
                .queryParam("code_challenge_method", "S256")
                .when().get("/realms/dcr/oauth2/authorize")
                .then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?realm=dcr&flow="));
    }

    @Test
    void registeredServiceClientGetsTokensWithItsSecretAtTheTokenEndpoint() {
        JsonPath info = register(initialAccessToken(1), SERVICE_CLIENT).then().statusCode(201)
                .body("redirect_uris", org.hamcrest.Matchers.empty()).body("response_types", org.hamcrest.Matchers.empty())
                .extract().jsonPath();

        given().formParam("grant_type", "client_credentials").formParam("client_id", info.getString("client_id"))
                .formParam("client_secret", info.getString("client_secret"))
                .when().post("/realms/dcr/oauth2/token")
                .then().statusCode(200).body("access_token", notNullValue()).body("scope", equalTo("api"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", info.getString("client_id"))
                .formParam("client_secret", "wrong")
                .when().post("/realms/dcr/oauth2/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void nativePublicClientWithLoopbackAndPrivateSchemeRedirectsHasNoSecret() {
        register(initialAccessToken(1), """
                {"application_type":"native","token_endpoint_auth_method":"none",
                 "redirect_uris":["http://127.0.0.1:51004/cb","com.example.app:/oauth2redirect"]}""")
                .then().statusCode(201)
                .body("client_secret", nullValue()).body("client_secret_expires_at", nullValue())
                .body("token_endpoint_auth_method", equalTo("none")).body("application_type", equalTo("native"))
                .body("scope", equalTo("openid profile email api"));
    }

    @Test
    void anInitialAccessTokenIsGoodForItsMaxUsesAndThenRefused() {
        String iat = initialAccessToken(2);

        register(iat, SERVICE_CLIENT).then().statusCode(201);
        register(iat, SERVICE_CLIENT).then().statusCode(201);
        register(iat, SERVICE_CLIENT).then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void concurrentRegistrationsSpendAnInitialAccessTokenExactlyMaxUsesTimes() throws Exception {
        // Given a token good for three registrations
        String iat = initialAccessToken(3);

        // When eight registrations race for it
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> register(iat, SERVICE_CLIENT).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }

            // Then exactly three succeed and the others are refused
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedRegistrationDoesNotSpendTheToken() {
        String iat = initialAccessToken(1);

        register(iat, "{\"redirect_uris\":[\"https://rp.example/cb#frag\"]}").then().statusCode(400);
        register(iat, SERVICE_CLIENT).then().statusCode(201);
    }

    @Test
    void missingWrongAndExpiredInitialAccessTokensAreRefused() throws Throwable {
        given().contentType("application/json").body(SERVICE_CLIENT).when().post(REGISTER)
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        register(ClientSecrets.generate(), SERVICE_CLIENT).then().statusCode(401).body("error", equalTo("invalid_token"));

        // Given a token that expired a minute ago (stored directly: the admin API issues none in the past)
        String expired = ClientSecrets.generate();
        VertxContextSupport.subscribeAndAwait(() -> initialAccessTokens.issue("dcr", hasher.hash(expired),
                Instant.now().minus(1, ChronoUnit.MINUTES), 5));
        register(expired, SERVICE_CLIENT).then().statusCode(401).body("error", equalTo("invalid_token"));

        // A token of another realm does not open this one
        String otherRealms = ClientSecrets.generate();
        VertxContextSupport.subscribeAndAwait(() -> initialAccessTokens.issue("dcr-open", hasher.hash(otherRealms),
                Instant.now().plus(1, ChronoUnit.HOURS), 5));
        register(otherRealms, SERVICE_CLIENT).then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void aClosedRealmRefusesEveryRegistrationAndDiscoveryDoesNotNameTheEndpoint() {
        given().contentType("application/json").body(WEB_CLIENT).when().post("/realms/demo/oauth2/register")
                .then().statusCode(403).body("error", equalTo("access_denied"));
        given().auth().oauth2(ClientSecrets.generate()).contentType("application/json").body(WEB_CLIENT)
                .when().post("/realms/demo/oauth2/register")
                .then().statusCode(403).body("error", equalTo("access_denied"));
        given().when().get("/realms/demo/.well-known/openid-configuration")
                .then().statusCode(200).body("registration_endpoint", nullValue());
        given().auth().oauth2(adminToken()).contentType("application/json").body("{}")
                .when().post("/admin/realms/demo/initial-access-tokens")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anOpenRealmRegistersWithoutATokenWithinItsDefaultPolicy() {
        given().contentType("application/json").body("{\"redirect_uris\":[\"https://rp.example/cb\"]}")
                .when().post("/realms/dcr-open/oauth2/register")
                .then().statusCode(201).body("scope", equalTo("openid profile email"))
                .body("grant_types", contains("authorization_code"));
        given().contentType("application/json").body(SERVICE_CLIENT).when().post("/realms/dcr-open/oauth2/register")
                .then().statusCode(400).body("error", equalTo("invalid_client_metadata"))
                .body("error_description", containsString("client_credentials may not be registered in this realm"))
                .body("error_description", containsString("scope api may not be registered in this realm"));
        given().when().get("/realms/dcr-open/.well-known/openid-configuration")
                .then().statusCode(200)
                .body("registration_endpoint", equalTo("http://localhost:8080/realms/dcr-open/oauth2/register"));
        given().when().get("/realms/dcr/.well-known/openid-configuration")
                .then().statusCode(200).body("registration_endpoint", equalTo(ISSUER + "/oauth2/register"));
    }

    @Test
    void badRedirectUrisAreInvalidRedirectUri() {
        String iat = initialAccessToken(100);
        String[] bad = {
                "{\"redirect_uris\":[\"https://rp.example/cb#fragment\"]}",
                "{\"redirect_uris\":[\"http://rp.example/cb\"]}",
                "{\"redirect_uris\":[\"/relative/cb\"]}",
                "{\"redirect_uris\":[\"com.example.app:/cb\"]}",
                "{\"application_type\":\"native\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"javascript:alert(1)\"]}",
                "{\"application_type\":\"native\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"myapp:/cb\"]}",
                "{\"application_type\":\"native\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"http://rp.example/cb\"]}",
                "{\"grant_types\":[\"authorization_code\"]}",
                "{\"redirect_uris\":\"https://rp.example/cb\"}",
                "{\"redirect_uris\":[42]}",
                "{}",
        };
        for (String metadata : bad) {
            register(iat, metadata).then().statusCode(400).contentType("application/json")
                    .header("Cache-Control", "no-store")
                    .body("error", equalTo("invalid_redirect_uri")).body("error_description", notNullValue());
        }
        register(iat, "{\"redirect_uris\":[\"http://localhost:8000/cb\"]}").then().statusCode(201);
    }

    @Test
    void badMetadataIsInvalidClientMetadataNeverAServerError() {
        String iat = initialAccessToken(100);
        String privateJwk = "{\"keys\":[" + dev.arbor.federation.support.TestAssertions.key("ec-1")
                .toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE) + "]}";
        String[][] cases = {
                {"not json", "not JSON"},
                {"[1,2]", "JSON object"},
                {"{\"grant_types\":[\"client_credentials\"],\"post_logout_redirect_uris\":\"https://rp.example/bye\"}", "array"},
                {"{\"grant_types\":[\"password\"],\"redirect_uris\":[\"https://rp.example/cb\"]}", "not supported"},
                {"{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"none\"}", "authenticates"},
                {"{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"magic\"}", "token_endpoint_auth_method must be one of"},
                {"{\"grant_types\":[\"client_credentials\"],\"response_types\":[\"token\"]}", "response type token"},
                {"{\"grant_types\":[\"client_credentials\"],\"scope\":\"arbor:admin\"}", "scope arbor:admin"},
                {"{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}", "jwks"},
                {"{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":"
                        + privateJwk + "}", "private keys"},
                {"{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"private_key_jwt\","
                        + "\"jwks_uri\":\"https://rp.example/jwks\"}", "jwks_uri"},
                {"{\"grant_types\":[\"client_credentials\"],\"id_token_signed_response_alg\":\"HS256\"}", "id_token_signed_response_alg"},
                {"{\"redirect_uris\":[\"https://rp.example/cb\"],\"backchannel_logout_uri\":\"http://10.0.0.1/logout\"}", "https"},
                {"{\"redirect_uris\":[\"https://rp.example/cb\"],\"post_logout_redirect_uris\":[\"https://rp.example/bye#x\"]}", "post-logout"},
                {"{\"grant_types\":[\"client_credentials\"],\"require_pushed_authorization_requests\":\"yes\"}", "true or false"},
                {"{\"grant_types\":[\"client_credentials\"],\"client_name\":\"a\\u0000b\"}", "control characters"},
                {"{\"grant_types\":[\"client_credentials\"],\"frontchannel_logout_uri\":\"https://rp.example/\\u0000\"}", "URI"},
        };
        for (String[] c : cases) {
            register(iat, c[0]).then().statusCode(400).contentType("application/json")
                    .body("error", equalTo("invalid_client_metadata"))
                    .body("error_description", containsString(c[1]));
        }
    }

    @Test
    void privateKeyJwtClientRegistersItsPublicKeysAndGetsNoSecret() throws Exception {
        org.jose4j.jwk.EllipticCurveJsonWebKey key = org.jose4j.jwk.EcJwkGenerator
                .generateJwk(org.jose4j.keys.EllipticCurves.P256);
        key.setKeyId("dcr-1");
        String jwks = new org.jose4j.jwk.JsonWebKeySet(key).toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);

        String clientId = register(initialAccessToken(1), """
                {"grant_types":["client_credentials"],"token_endpoint_auth_method":"private_key_jwt","jwks":%s}"""
                .formatted(jwks))
                .then().statusCode(201).body("client_secret", nullValue()).body("jwks.keys[0].kid", equalTo("dcr-1"))
                .extract().path("client_id");

        given().formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", dev.arbor.federation.support.TestAssertions.JWT_BEARER)
                .formParam("client_assertion", dev.arbor.federation.support.TestAssertions.assertion().client(clientId)
                        .audience(ISSUER).headerKid("dcr-1")
                        .signedWithKey(key.getPrivateKey(), "ES256").build())
                .when().post("/realms/dcr/oauth2/token").then().statusCode(200);
    }

    @Test
    void initialAccessTokensNeedAnAdminTokenAndSaneLimits() {
        given().contentType("application/json").body("{}").when().post("/admin/realms/dcr/initial-access-tokens")
                .then().statusCode(401).contentType("application/problem+json");
        for (String bad : new String[] {"{\"expiresIn\":0}", "{\"expiresIn\":\"1h\"}", "{\"maxUses\":0}",
                "{\"maxUses\":1.5}", "{\"expiresIn\":999999999999}", "nope"}) {
            given().auth().oauth2(adminToken()).contentType("application/json").body(bad)
                    .when().post("/admin/realms/dcr/initial-access-tokens")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(adminToken()).when().post("/admin/realms/dcr/initial-access-tokens")
                .then().statusCode(201).body("maxUses", equalTo(1)).body("expiresIn", equalTo(86400))
                .body("expiresAt", notNullValue());
    }
}
