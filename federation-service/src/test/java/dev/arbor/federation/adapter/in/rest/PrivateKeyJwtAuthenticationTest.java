package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.support.TestAssertions.JWT_BEARER;
import static dev.arbor.federation.support.TestAssertions.assertion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.arbor.federation.support.TestAssertions;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.Test;

/** RFC 7523 §2.2/§3, OIDC Core §9: {@code private_key_jwt} at the token, introspection and revocation endpoints. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class PrivateKeyJwtAuthenticationTest {
    private static final String TOKEN = "/realms/demo/oauth2/token";

    private static ValidatableResponse clientCredentials(String clientAssertion) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", JWT_BEARER).formParam("client_assertion", clientAssertion)
                .when().post(TOKEN).then();
    }

    private static void assertRefused(String clientAssertion) {
        clientCredentials(clientAssertion).statusCode(401).body("error", equalTo("invalid_client"))
                .header("Cache-Control", "no-store").header("WWW-Authenticate", nullValue());
    }

    @Test
    void rs256AssertionAuthenticatesTheClientForClientCredentials() {
        clientCredentials(assertion().signedWith("rsa-1", AlgorithmIdentifiers.RSA_USING_SHA256).build())
                .statusCode(200).body("access_token", notNullValue()).body("scope", equalTo("api"));
    }

    @Test
    void es256AssertionAuthenticatesTheClientForClientCredentials() {
        clientCredentials(assertion().signedWith("ec-1", AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256).build())
                .statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void ps256AndEdDsaAssertionsAreAccepted() {
        clientCredentials(assertion().signedWith("rsa-1", AlgorithmIdentifiers.RSA_PSS_USING_SHA256).build())
                .statusCode(200);
        clientCredentials(assertion().signedWith("ed-1", AlgorithmIdentifiers.EDDSA).build()).statusCode(200);
    }

    @Test
    void assertionWithoutKidIsVerifiedAgainstTheMatchingRegisteredKey() {
        clientCredentials(assertion().signedWith("ec-1", AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .headerKid(null).build()).statusCode(200);
    }

    @Test
    void replayedJtiIsRefused() {
        String once = assertion().jti("replayed-" + java.util.UUID.randomUUID()).build();
        clientCredentials(once).statusCode(200);

        assertRefused(once);
    }

    @Test
    void sameJtiInANewlySignedAssertionIsRefused() {
        String jti = "reused-" + java.util.UUID.randomUUID();
        clientCredentials(assertion().jti(jti).build()).statusCode(200);

        assertRefused(assertion().jti(jti).signedWith("ec-1", AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .build());
    }

    @Test
    void algNoneIsRefused() {
        assertRefused(assertion().signedWith("rsa-1", AlgorithmIdentifiers.NONE).build());
    }

    @Test
    void hs256IsRefusedWhateverTheSecret() {
        byte[] publicModulus = TestAssertions.key("rsa-1").toJson().getBytes(StandardCharsets.UTF_8);
        assertRefused(assertion().signedWithKey(new SecretKeySpec(publicModulus, "HmacSHA256"),
                AlgorithmIdentifiers.HMAC_SHA256).build());
        assertRefused(assertion().signedWithKey(new SecretKeySpec(new byte[32], "HmacSHA256"),
                AlgorithmIdentifiers.HMAC_SHA256).build());
    }

    @Test
    void audienceOtherThanTheIssuerIsRefused() {
        assertRefused(assertion().audience("https://elsewhere.example").build());
        assertRefused(assertion().audience(TestTokens.issuerOf("admin")).build());
    }

    @Test
    void audienceListNamingAnotherAudienceBesidesTheIssuerIsRefused() {
        assertRefused(assertion().audience("https://elsewhere.example", TestTokens.issuerOf("demo")).build());
        assertRefused(assertion().audience(TestTokens.issuerOf("demo"), TestTokens.issuerOf("demo") + "/oauth2/token")
                .build());
    }

    @Test
    void audienceListHoldingOnlyTheIssuerIsAccepted() {
        clientCredentials(assertion().audience(TestTokens.issuerOf("demo")).audienceAsArray().build()).statusCode(200);
    }

    @Test
    void expiredAssertionIsRefused() {
        assertRefused(assertion().issuedAt(-600).expiresIn(-300).build());
    }

    @Test
    void assertionExpiringTooFarAheadIsRefused() {
        assertRefused(assertion().expiresIn(3600).build());
    }

    @Test
    void assertionNotYetValidOrIssuedInTheFutureIsRefused() {
        assertRefused(assertion().notBefore(120).expiresIn(240).build());
        assertRefused(assertion().issuedAt(120).expiresIn(240).build());
    }

    @Test
    void issuerDifferentFromSubjectIsRefused() {
        assertRefused(assertion().issuer("test-service").build());
    }

    @Test
    void missingJtiIsRefused() {
        assertRefused(assertion().jti(null).build());
    }

    @Test
    void kidNotInTheClientsJwksIsRefused() {
        assertRefused(assertion().headerKid("not-registered").build());
    }

    @Test
    void signatureByAnUnregisteredKeyUnderARegisteredKidIsRefused() throws Exception {
        assertRefused(assertion().signedWithKey(RsaJwkGenerator.generateJwk(2048).getPrivateKey(),
                AlgorithmIdentifiers.RSA_USING_SHA256).build());
    }

    @Test
    void secretClientPresentingAnAssertionIsRefused() {
        // test-service authenticates with a secret; even a well-formed assertion naming it is not accepted
        assertRefused(assertion().client("test-service").build());
    }

    @Test
    void assertionClientPresentingASecretIsRefused() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", TestAssertions.CLIENT)
                .formParam("client_secret", "anything").when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(TestAssertions.CLIENT, "anything").formParam("grant_type", "client_credentials")
                .when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", TestAssertions.CLIENT)
                .when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void wrongAssertionTypeOrMissingAssertionIsRefused() {
        given().formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer")
                .formParam("client_assertion", assertion().build()).when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").formParam("client_assertion_type", JWT_BEARER)
                .when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void clientIdThatDiffersFromTheAssertionsSubjectIsRefused() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "test-service")
                .formParam("client_assertion_type", JWT_BEARER).formParam("client_assertion", assertion().build())
                .when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void assertionTogetherWithBasicIsInvalidRequest() {
        given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", JWT_BEARER).formParam("client_assertion", assertion().build())
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void introspectionAndRevocationAcceptPrivateKeyJwt() {
        String token = TestTokens.accessToken().clientId(TestAssertions.CLIENT).build();
        given().formParam("token", token).formParam("client_assertion_type", JWT_BEARER)
                .formParam("client_assertion", assertion().build())
                .when().post("/realms/demo/oauth2/introspect")
                .then().statusCode(200).body("active", equalTo(true));
        given().formParam("token", token).formParam("client_assertion_type", JWT_BEARER)
                .formParam("client_assertion", assertion().build())
                .when().post("/realms/demo/oauth2/revoke")
                .then().statusCode(200);
        given().formParam("token", token).formParam("client_assertion_type", JWT_BEARER)
                .formParam("client_assertion", assertion().build())
                .when().post("/realms/demo/oauth2/introspect")
                .then().statusCode(200).body("active", equalTo(false));
    }
}
