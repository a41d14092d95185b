package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.federation.support.TestKeys;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.Test;

/**
 * Introspection (RFC 7662) and userinfo (OIDC Core §5.3) accept tokens signed with every algorithm
 * token-service signs with — here ES256 and EdDSA next to RS256 — and nothing else: not {@code none},
 * not an HMAC keyed with public material (RFC 8725 §3.1, §3.2).
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class TokenSigningAlgorithmsTest {
    private static final String INTROSPECT = "/realms/demo/oauth2/introspect";
    private static final String USERINFO = "/realms/demo/oauth2/userinfo";

    @Test
    void es256AndEdDsaTokensAreActiveAtIntrospection() {
        for (String token : List.of(TestTokens.accessToken().signedWith(TestKeys.ES256).build(),
                TestTokens.accessToken().signedWith(TestKeys.EDDSA).build())) {
            introspect(token).then().statusCode(200).body("active", equalTo(true)).body("sub", equalTo("alice"));
        }
    }

    @Test
    void es256AndEdDsaTokensAreAcceptedAtUserinfo() {
        for (String token : List.of(TestTokens.accessToken().signedWith(TestKeys.ES256).build(),
                TestTokens.accessToken().signedWith(TestKeys.EDDSA).build())) {
            given().header("Authorization", "Bearer " + token).when().get(USERINFO)
                    .then().statusCode(200).body("sub", equalTo("alice"));
        }
    }

    @Test
    void hs256AndNoneAreRefusedEverywhere() {
        for (String token : refusedTokens()) {
            assertEquals("{\"active\":false}", introspect(token).then().statusCode(200).extract().asString());
            given().header("Authorization", "Bearer " + token).when().get(USERINFO)
                    .then().statusCode(401)
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        }
    }

    /** HS256 keyed with the RSA key's public modulus (the classic key-confusion forgery), HS256 with a secret, none. */
    private static List<String> refusedTokens() {
        byte[] publicModulus = TestKeys.SIGNING.getRsaPublicKey().getModulus().toByteArray();
        return List.of(
                TestTokens.accessToken().signedWith(new SecretKeySpec(publicModulus, "HmacSHA256"),
                        TestKeys.SIGNING.getKeyId(), AlgorithmIdentifiers.HMAC_SHA256).build(),
                TestTokens.accessToken().signedWith(new SecretKeySpec(new byte[32], "HmacSHA256"),
                        TestKeys.ES256.getKeyId(), AlgorithmIdentifiers.HMAC_SHA256).build(),
                TestTokens.accessToken().signedWith(null, TestKeys.EDDSA.getKeyId(), AlgorithmIdentifiers.NONE).build());
    }

    private static io.restassured.response.Response introspect(String token) {
        return given().auth().preemptive().basic("test-service", "test-service-secret").formParam("token", token)
                .when().post(INTROSPECT);
    }
}
