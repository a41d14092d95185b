package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.ClientRegistrationTest.SERVICE_CLIENT;
import static dev.arbor.federation.adapter.in.rest.ClientRegistrationTest.WEB_CLIENT;
import static dev.arbor.federation.adapter.in.rest.ClientRegistrationTest.initialAccessToken;
import static dev.arbor.federation.adapter.in.rest.ClientRegistrationTest.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.ConfigEvent;
import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.Topics;
import dev.arbor.federation.support.CapturedLogs;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.KafkaTopicReader;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** RFC 7592 §2 — a self-registered client manages its registration with its registration access token. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class ClientConfigurationTest {

    private static JsonPath registered(String metadata) {
        return register(initialAccessToken(1), metadata).then().statusCode(201).extract().jsonPath();
    }

    private static String uri(JsonPath client) {
        return client.getString("registration_client_uri").replace("http://localhost:8080", "");
    }

    @Test
    void readReturnsTheRegisteredMetadataWithoutTheSecret() {
        JsonPath client = registered(WEB_CLIENT);

        given().auth().oauth2(client.getString("registration_access_token")).when().get(uri(client))
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("client_id", equalTo(client.getString("client_id")))
                .body("client_secret", nullValue())
                .body("client_secret_expires_at", equalTo(0))
                .body("client_id_issued_at", equalTo(client.getInt("client_id_issued_at")))
                .body("registration_access_token", equalTo(client.getString("registration_access_token")))
                .body("registration_client_uri", equalTo(client.getString("registration_client_uri")))
                .body("redirect_uris", contains("https://rp.example/cb"))
                .body("client_name", equalTo("Example RP"));
    }

    @Test
    void theRegistrationAccessTokenOfOneClientOpensNoOther() {
        JsonPath a = registered(WEB_CLIENT);
        JsonPath b = registered(WEB_CLIENT);
        String tokenOfA = a.getString("registration_access_token");

        given().auth().oauth2(tokenOfA).when().get(uri(b))
                .then().statusCode(401).header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
        given().auth().oauth2(tokenOfA).contentType("application/json")
                .body("{\"client_id\":\"" + b.getString("client_id") + "\",\"redirect_uris\":[\"https://evil.example/cb\"]}")
                .when().put(uri(b)).then().statusCode(401);
        given().auth().oauth2(tokenOfA).when().delete(uri(b)).then().statusCode(401);
        given().auth().oauth2(b.getString("registration_access_token")).when().get(uri(b))
                .then().statusCode(200).body("redirect_uris", contains("https://rp.example/cb"));
    }

    @Test
    void withoutATokenOrForAClientOfTheRealmYamlTheEndpointIs401() {
        JsonPath client = registered(WEB_CLIENT);

        given().when().get(uri(client)).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().auth().oauth2(client.getString("registration_access_token"))
                .when().get("/realms/dcr/oauth2/register/test-spa").then().statusCode(401);
        given().auth().oauth2(client.getString("registration_access_token"))
                .when().get("/realms/demo/oauth2/register/" + client.getString("client_id")).then().statusCode(401);
        given().auth().oauth2(client.getString("registration_access_token")).urlEncodingEnabled(false)
                .when().get("/realms/dcr/oauth2/register/a%00b").then().statusCode(401);
    }

    @Test
    void putReplacesTheMetadataKeepsTheSecretAndChecksIdAndSecret() {
        JsonPath client = registered(SERVICE_CLIENT);
        String token = client.getString("registration_access_token");
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");

        // a client_id that is not its own, or a wrong secret, is refused
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"client_id\":\"someone-else\",\"grant_types\":[\"client_credentials\"]}")
                .when().put(uri(client)).then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"client_id\":\"" + id + "\",\"client_secret\":\"guess\",\"grant_types\":[\"client_credentials\"]}")
                .when().put(uri(client)).then().statusCode(400).body("error", equalTo("invalid_client_metadata"));

        // the full replacement: a name, another scope and auth method; the secret stays
        given().auth().oauth2(token).contentType("application/json")
                .body("""
                        {"client_id":"%s","client_secret":"%s","grant_types":["client_credentials"],
                         "token_endpoint_auth_method":"client_secret_basic","scope":"openid","client_name":"Renamed",
                         "registration_access_token":"ignored","client_id_issued_at":1}""".formatted(id, secret))
                .when().put(uri(client))
                .then().statusCode(200).body("client_name", equalTo("Renamed")).body("scope", equalTo("openid"))
                .body("client_secret", nullValue()).body("registration_access_token", equalTo(token));

        given().auth().preemptive().basic(id, secret).formParam("grant_type", "client_credentials")
                .when().post("/realms/dcr/oauth2/token").then().statusCode(200).body("scope", equalTo("openid"));
        given().auth().oauth2(token).when().get(uri(client)).then().statusCode(200)
                .body("client_name", equalTo("Renamed")).body("token_endpoint_auth_method", equalTo("client_secret_basic"));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"client_id\":\"" + id + "\",\"redirect_uris\":[\"http://rp.example/cb\"]}")
                .when().put(uri(client)).then().statusCode(400).body("error", equalTo("invalid_redirect_uri"));
        given().auth().oauth2(token).contentType("application/json").body("{oops")
                .when().put(uri(client)).then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
    }

    @Test
    void deleteRemovesTheClientEverywhereAndItsTokenDiesWithIt() {
        JsonPath client = registered(SERVICE_CLIENT);
        String token = client.getString("registration_access_token");
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");
        given().formParam("grant_type", "client_credentials").formParam("client_id", id).formParam("client_secret", secret)
                .when().post("/realms/dcr/oauth2/token").then().statusCode(200);

        given().auth().oauth2(token).when().delete(uri(client)).then().statusCode(204);

        given().auth().oauth2(token).when().get(uri(client)).then().statusCode(401).body("error", equalTo("invalid_token"));
        given().auth().oauth2(token).when().delete(uri(client)).then().statusCode(401);
        given().formParam("grant_type", "client_credentials").formParam("client_id", id).formParam("client_secret", secret)
                .when().post("/realms/dcr/oauth2/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        assertTrue(KafkaTopicReader.find(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.CONFIG, r -> ("dcr/" + id).equals(r.key())
                        && EventJson.read(r.value(), ConfigEvent.class) instanceof ConfigEvent.ClientChanged)
                .isPresent(), "client.changed of dcr/" + id + " on " + Topics.CONFIG);
    }

    @Test
    void secretsAndTokensNeverReachTheLogs() {
        List<String> lines;
        String iat;
        JsonPath client;
        try (CapturedLogs logs = CapturedLogs.start()) {
            iat = initialAccessToken(1);
            client = register(iat, SERVICE_CLIENT).then().statusCode(201).extract().jsonPath();
            String token = client.getString("registration_access_token");
            given().auth().oauth2(token).when().get(uri(client)).then().statusCode(200);
            given().auth().oauth2(token).contentType("application/json").body("{\"client_id\":\"" + client.getString("client_id")
                    + "\",\"client_secret\":\"" + client.getString("client_secret") + "\",\"grant_types\":[\"password\"]}")
                    .when().put(uri(client)).then().statusCode(400);
            register(iat, SERVICE_CLIENT).then().statusCode(401);
            given().auth().oauth2(token).when().delete(uri(client)).then().statusCode(204);
            lines = logs.lines();
        }

        assertTrue(lines.stream().anyMatch(l -> l.contains(client.getString("client_id"))),
                "the registration is logged (so the capture works): " + lines);
        for (String secret : List.of(iat, client.getString("client_secret"), client.getString("registration_access_token"))) {
            assertFalse(lines.stream().anyMatch(l -> l.contains(secret)), "a secret reached the logs");
        }
    }
}
