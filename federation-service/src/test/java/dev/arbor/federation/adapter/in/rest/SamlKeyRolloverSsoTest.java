package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AdminSamlKeysResourceTest.adminToken;
import static dev.arbor.federation.adapter.in.rest.AdminSamlKeysResourceTest.metadataKeyIds;
import static dev.arbor.federation.adapter.in.rest.AdminSamlKeysResourceTest.pem;
import static dev.arbor.federation.adapter.in.rest.AdminSamlKeysResourceTest.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.protocol.saml2.SamlStatus;
import dev.arbor.federation.protocol.saml2.SpView;
import dev.arbor.federation.protocol.saml2.TestAuthnRequests;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.TestSamlBeans;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.security.credential.UsageType;

/**
 * A signing-key rollover seen by a service provider: the fixture SP of realm demo signs in through
 * /saml2/sso while the realm's real (PostgreSQL) keys go through next, activate and retire. Responses
 * are signed by the current key only, and the metadata always lists the key they are signed with.
 */
@QuarkusTest
@TestProfile(SamlKeyRolloverSsoTest.RealKeys.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SamlKeyRolloverSsoTest {
    private static final String KEYS = "/admin/realms/demo/saml-keys";

    /** The fixture SP registry of SamlSsoTest, but the real PostgreSQL key store. */
    public static class RealKeys implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestSamlBeans.Registry.class);
        }
    }

    /** An SSO with a live session: the signed Assertion the SP receives. */
    private static Assertion signIn() {
        TestAuthnRequests sent = TestAuthnRequests.request();
        var page = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("SAMLRequest", TestAuthnRequests.post(sent.signedXml()))
                .cookie("arbor_session", FakeSessionStore.aliceSession("demo", 30).getId())
                .when().post("/realms/demo/saml2/sso");
        page.then().statusCode(200);
        Matcher m = Pattern.compile("name=\"SAMLResponse\" value=\"([^\"]*)\"").matcher(page.body().asString());
        assertTrue(m.find(), page.body().asString());
        var response = SpView.decode(m.group(1));
        assertEquals(SamlStatus.SUCCESS, response.getStatus().getStatusCode().getValue());
        return response.getAssertions().getFirst();
    }

    private static void assertSignedBy(Assertion assertion, X509Certificate key, X509Certificate notBy) {
        SpView.verifySignature(assertion, key);
        assertThrows(AssertionError.class, () -> SpView.verifySignature(assertion, notBy));
    }

    private static X509Certificate certificate(JsonPath key) throws Exception {
        return pem(key.getString("certificate"));
    }

    @Test
    void nextThenActivateThenRetireSwitchesTheSignatureOnlyAtActivationAndTheMetadataAlwaysListsIt() throws Exception {
        String token = adminToken();
        signIn(); // the realm's keys exist

        // Given a published next key
        JsonPath listed = new JsonPath(given().auth().oauth2(token).when().get(KEYS).then().statusCode(200)
                .extract().asString());
        String oldId = listed.getString("keys.find { it.use == 'signing' && it.state == 'current' }.keyId");
        X509Certificate old = pem(listed.getString("keys.find { it.use == 'signing' && it.state == 'current' }.certificate"));
        JsonPath next = post(token, KEYS + "/signing/next", 200);
        X509Certificate fresh = certificate(next);

        // Then the metadata lists both, the current one first, and Responses are still signed by the current one
        assertEquals(List.of(oldId, next.getString("keyId")), metadataKeyIds("demo", UsageType.SIGNING));
        assertSignedBy(signIn(), old, fresh);

        // When it is activated, the new key signs and the old one stays listed
        post(token, KEYS + "/signing/activate", 200);
        assertSignedBy(signIn(), fresh, old);
        assertEquals(List.of(next.getString("keyId"), oldId), metadataKeyIds("demo", UsageType.SIGNING));

        // When the old one is retired, it leaves the metadata; the new one still signs
        post(token, KEYS + "/" + oldId + "/retire", 200);
        assertEquals(List.of(next.getString("keyId")), metadataKeyIds("demo", UsageType.SIGNING));
        assertSignedBy(signIn(), fresh, old);
    }
}
