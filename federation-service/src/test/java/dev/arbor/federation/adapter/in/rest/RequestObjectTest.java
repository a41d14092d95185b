package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.TestAssertions;
import dev.arbor.federation.support.TestKeys;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.Key;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** RFC 9101 / OIDC Core §6.1: request objects passed by value, signed with the client's registered keys. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RequestObjectTest {
    static final String CLIENT = "test-jar-client";
    static final String REDIRECT = "http://localhost:9999/jar/callback";

    /** The claims of a valid request object of test-jar-client. */
    static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(CLIENT);
        claims.setAudience(ISSUER);
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 60));
        claims.setClaim("client_id", CLIENT);
        claims.setClaim("response_type", "code");
        claims.setClaim("redirect_uri", REDIRECT);
        claims.setClaim("scope", "openid profile");
        claims.setClaim("state", "from-object");
        claims.setClaim("nonce", "n-object");
        claims.setClaim("max_age", 3600);
        return claims;
    }

    static String sign(JwtClaims claims, String kid) {
        return sign(claims, TestAssertions.key(kid).getPrivateKey(), kid, switch (kid) {
            case "ec-1" -> AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
            case "ed-1" -> AlgorithmIdentifiers.EDDSA;
            default -> AlgorithmIdentifiers.RSA_USING_SHA256;
        });
    }

    static String sign(JwtClaims claims, Key key, String kid, String alg) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "oauth-authz-req+jwt");
        if (key != null) {
            jws.setKey(key);
            jws.setDoKeyValidation(false);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response authorize(Map<String, String> params, boolean withSession) {
        var request = given().redirects().follow(false).queryParams(params);
        if (withSession) {
            request = request.cookie("arbor_session", FakeSessionStore.aliceSession("demo", 5).getId());
        }
        return request.when().get("/realms/demo/oauth2/authorize");
    }

    private static Map<String, String> outer(String requestObject) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CLIENT);
        params.put("request", requestObject);
        return params;
    }

    @Test
    void signedRequestObjectIsUsedInsteadOfTheQueryParameters() {
        Map<String, String> params = outer(sign(claims(), "rsa-1"));
        params.put("state", "from-query");
        params.put("scope", "openid email");
        params.put("response_type", "code");

        Response response = authorize(params, true);

        response.then().statusCode(303).header("Location", startsWith(REDIRECT + "?code="));
        assertThat(query(response.header("Location")), allOf(hasEntry("state", "from-object"), hasEntry("iss", ISSUER)));
        IssueAuthorizationCodeRequest issued = FakeTokenService.LAST_CODE_REQUEST.get();
        assertThat(issued.getClientId(), is(CLIENT));
        assertThat(issued.getNonce(), is("n-object"));
        assertThat(issued.getScopesList(), is(java.util.List.of("openid", "profile")));
    }

    @Test
    void es256AndEdDsaRequestObjectsVerify() {
        for (String kid : new String[] {"ec-1", "ed-1"}) {
            Response response = authorize(outer(sign(claims(), kid)), true);

            response.then().statusCode(303).header("Location", startsWith(REDIRECT + "?code="));
        }
    }

    @Test
    void redirectUriInsideTheObjectWinsOverTheQuery() {
        Map<String, String> params = outer(sign(claims(), "rsa-1"));
        params.put("redirect_uri", "https://evil.example/cb");

        authorize(params, true).then().statusCode(303).header("Location", startsWith(REDIRECT + "?"));
    }

    @Test
    void unregisteredRedirectUriInsideTheObjectIsAPageNotARedirect() {
        JwtClaims claims = claims();
        claims.setClaim("redirect_uri", "https://evil.example/cb");

        authorize(outer(sign(claims, "rsa-1")), false).then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void unsignedWrongKeyWrongAudienceWrongIssuerOrExpiredObjectsAreInvalidRequestObject() {
        JwtClaims audience = claims();
        audience.setAudience("https://other.example/realms/demo");
        JwtClaims issuer = claims();
        issuer.setIssuer("test-spa");
        JwtClaims expired = claims();
        expired.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 600));
        JwtClaims otherClient = claims();
        otherClient.setClaim("client_id", "test-spa");
        JwtClaims nested = claims();
        nested.setClaim("request_uri", "https://rp.example/req");
        JwtClaims wrongType = claims();
        wrongType.setClaim("scope", java.util.List.of("openid", "profile"));
        for (String object : new String[] {
                sign(claims(), null, "rsa-1", AlgorithmIdentifiers.NONE),
                sign(claims(), TestKeys.SIGNING.getPrivateKey(), "rsa-1", AlgorithmIdentifiers.RSA_USING_SHA256),
                sign(claims(), new javax.crypto.spec.SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(),
                        "HmacSHA256"), "rsa-1", AlgorithmIdentifiers.HMAC_SHA256),
                sign(audience, "rsa-1"), sign(issuer, "rsa-1"), sign(expired, "rsa-1"), sign(otherClient, "rsa-1"),
                sign(nested, "rsa-1"), sign(wrongType, "rsa-1"), "not.a.jwt", "eyJhbGciOiJub25lIn0.e30."}) {
            Map<String, String> params = outer(object);
            params.put("redirect_uri", REDIRECT);
            params.put("state", "q");

            Response response = authorize(params, true);

            response.then().statusCode(303);
            assertThat(object, query(response.header("Location")), allOf(hasEntry("error", "invalid_request_object"),
                    hasEntry("state", "q"), hasEntry("iss", ISSUER)));
        }
    }

    @Test
    void claimsObjectInsideTheRequestObjectIsHonoured() {
        JwtClaims claims = claims();
        claims.setClaim("scope", "openid");
        claims.setClaim("claims", Map.of("id_token", Map.of("email", Map.of("essential", true))));

        authorize(outer(sign(claims, "rsa-1")), true).then().statusCode(303);

        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getClaimsMap(),
                hasEntry("email", "alice@example.com"));
    }

    @Test
    void badRequestObjectWithoutARegisteredRedirectUriIsAPage() {
        authorize(outer("not.a.jwt"), false).then().statusCode(400).header("Location", nullValue())
                .body(containsString("request object is invalid"));
    }

    @Test
    void requestUriThatIsNotAPushedRequestIsRequestUriNotSupported() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CLIENT);
        params.put("redirect_uri", REDIRECT);
        params.put("request_uri", "https://rp.example/request.jwt");

        Response response = authorize(params, false);

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "request_uri_not_supported"),
                hasEntry("iss", ISSUER)));
    }

    @Test
    void requestAndRequestUriTogetherAreInvalidRequest() {
        Map<String, String> params = outer(sign(claims(), "rsa-1"));
        params.put("redirect_uri", REDIRECT);
        params.put("request_uri", "urn:ietf:params:oauth:request_uri:abc");

        assertThat(query(authorize(params, false).header("Location")), allOf(hasEntry("error", "invalid_request"),
                hasKey("iss")));
    }
}
