package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.protocol.saml2.TestMetadata;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AdminSamlServiceProvidersResourceTest {
    private static final String SPS = "/admin/realms/demo/saml-sps";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String adminToken() {
        return given().auth().preemptive().basic("arbor-admin", "test-admin-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "arbor:admin")
                .when().post("/realms/admin/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String id(String entityId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(entityId.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String metadata, Map<String, Object> settings) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metadata", metadata);
        if (settings != null) {
            body.put("settings", settings);
        }
        return JSON.writeValueAsString(body);
    }

    @Test
    void withoutAnAdminTokenEveryOperationIs401() {
        given().when().get(SPS).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{}").when().post(SPS)
                .then().statusCode(401).contentType("application/problem+json");
        given().when().delete(SPS + "/" + id("https://x.example/")).then().statusCode(401);
        given().auth().oauth2(dev.arbor.federation.support.TestTokens.accessToken().clientId("arbor-admin")
                .scope("arbor:admin").build()).when().get(SPS).then().statusCode(401);
    }

    @Test
    void createReadReplaceListAndDeleteAServiceProvider() throws Exception {
        String token = adminToken();
        String entityId = "https://crud.example.org/saml/sp";
        String location = given().auth().oauth2(token).contentType("application/json")
                .body(body(TestMetadata.localSp(entityId), Map.of("nameIdFormat", "transient")))
                .when().post(SPS)
                .then().statusCode(201)
                .header("Location", endsWith(SPS + "/" + id(entityId)))
                .body("entityId", equalTo(entityId))
                .body("id", equalTo(id(entityId)))
                .body("assertionConsumerServices[0].location", equalTo("http://localhost:7070/saml/acs"))
                .body("settings.nameIdFormat", equalTo("transient"))
                .body("settings.requireSignedAuthnRequests", equalTo(true))
                .extract().header("Location");

        given().auth().oauth2(token).contentType("application/json").body(body(TestMetadata.localSp(entityId), null))
                .when().post(SPS).then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(token).when().get(location)
                .then().statusCode(200).body("settings.nameIdFormat", equalTo("transient"));

        given().auth().oauth2(token).contentType("application/json")
                .body(body(TestMetadata.localSp(entityId), Map.of("signResponse", true, "allowIdpInitiated", true)))
                .when().put(location)
                .then().statusCode(200).body("settings.signResponse", equalTo(true))
                // PUT replaces: settings not given are their defaults again
                .body("settings.nameIdFormat", equalTo("persistent"));

        given().auth().oauth2(token).when().get(SPS)
                .then().statusCode(200).body("entityId", hasItem(entityId))
                .body("find { it.entityId == '" + entityId + "' }.settings.allowIdpInitiated", equalTo(true));

        given().auth().oauth2(token).when().delete(location).then().statusCode(204);
        given().auth().oauth2(token).when().get(location).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).when().delete(location).then().statusCode(404);
        given().auth().oauth2(token).contentType("application/json").body(body(TestMetadata.localSp(entityId), null))
                .when().put(location).then().statusCode(404);
    }

    @Test
    void badInputIs400ProblemJsonWithTheReasonNeverA500() throws Exception {
        String token = adminToken();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + TestMetadata.LOCAL_SP.replace("http://localhost:7070/saml/acs", "&x;");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("not json", "not JSON");
        cases.put("[]", "JSON object");
        cases.put("{\"metadata\": 5}", "metadata must be");
        cases.put(body("<not-closed>", null), "cannot be parsed");
        cases.put(body(xxe, null), "DOCTYPE");
        cases.put(body(TestMetadata.LOCAL_SP.replace("md:SPSSODescriptor", "md:IDPSSODescriptor"), null), "SPSSODescriptor");
        cases.put(body(TestMetadata.LOCAL_SP, Map.of("encryptAssertion", "des")), "encryptAssertion des");
        cases.put(body(TestMetadata.LOCAL_SP, Map.of("signResponse", "yes")), "signResponse must be true or false");
        cases.put(body(TestMetadata.LOCAL_SP, Map.of("nope", true)), "unknown setting nope");
        cases.put("{\"metadata\": \"<x/>\", \"extra\": 1}", "Unknown field extra");
        for (var c : cases.entrySet()) {
            given().auth().oauth2(token).contentType("application/json").body(c.getKey())
                    .when().post(SPS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(c.getValue()))
                    .body(not(containsString("Exception")));
        }
        given().auth().oauth2(token).when().get(SPS + "/not*base64").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json")
                .body(body(TestMetadata.localSp("https://other.example/"), null))
                .when().put(SPS + "/" + id("https://addressed.example/"))
                .then().statusCode(400).body("detail", containsString("not the one addressed"));
    }

    @Test
    void anUnknownRealmIs404() throws Exception {
        given().auth().oauth2(adminToken()).contentType("application/json").body(body(TestMetadata.LOCAL_SP, null))
                .when().post("/admin/realms/nowhere/saml-sps")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
