package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.protocol.saml2.SamlStatus;
import dev.arbor.federation.protocol.saml2.SamlTestKeys;
import dev.arbor.federation.protocol.saml2.SpView;
import dev.arbor.federation.protocol.saml2.TestAuthnRequests;
import dev.arbor.federation.protocol.saml2.TestServiceProviders;
import dev.arbor.federation.support.TestSamlBeans;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;

/** SP-initiated SSO through /realms/demo/saml2/sso, both bindings, with the core shared with OIDC. */
@QuarkusTest
@TestProfile(TestSamlBeans.Profile.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SamlSsoTest {
    private static final String SSO = "/realms/demo/saml2/sso";

    private static Response redirect(String rawQuery, String sessionId) {
        var request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (sessionId != null) {
            request = request.cookie("arbor_session", sessionId);
        }
        return request.when().get(SSO + "?" + rawQuery);
    }

    private static Response post(String xml, String relayState, String sessionId) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("SAMLRequest", TestAuthnRequests.post(xml));
        if (relayState != null) {
            request = request.formParam("RelayState", relayState);
        }
        if (sessionId != null) {
            request = request.cookie("arbor_session", sessionId);
        }
        return request.when().post(SSO);
    }

    static Response resume(String flow, String sessionId) {
        return given().redirects().follow(false).queryParam("flow", flow).cookie("arbor_session", sessionId)
                .when().get("/realms/demo/oauth2/authorize/resume");
    }

    static String field(Response page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page.body().asString());
        assertTrue(m.find(), "no " + name + " in " + page.body().asString());
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    /** The SP's checks: Assertion signed by the realm key, audience, recipient, InResponseTo. */
    private static Assertion verifiedAssertion(Response page, String requestId) {
        page.then().statusCode(200).header("Content-Security-Policy", containsString("form-action https://sp.example"))
                .body(containsString("action=\"" + TestServiceProviders.ACS + "\""));
        var response = SpView.decode(field(page, "SAMLResponse"));
        assertEquals(SamlStatus.SUCCESS, response.getStatus().getStatusCode().getValue());
        assertEquals(requestId, response.getInResponseTo());
        assertEquals(TestServiceProviders.ACS, response.getDestination());
        Assertion assertion = response.getAssertions().getFirst();
        SpView.verifySignature(assertion, SamlTestKeys.IDP_SIGNING.certificate());
        assertEquals(TestServiceProviders.ENTITY_ID,
                assertion.getConditions().getAudienceRestrictions().getFirst().getAudiences().getFirst().getURI());
        var data = assertion.getSubject().getSubjectConfirmations().getFirst().getSubjectConfirmationData();
        assertEquals(TestServiceProviders.ACS, data.getRecipient());
        assertEquals(requestId, data.getInResponseTo());
        assertEquals("http://localhost:8080/realms/demo", assertion.getIssuer().getValue());
        return assertion;
    }

    @Test
    void redirectBindingGoesToTheLoginPageAndResumesWithASignedResponseAndTheRelayState() {
        TestAuthnRequests sent = TestAuthnRequests.request();
        String relayState = "https://sp.example/app?page=1&x=<y>";

        Response login = redirect(sent.signedRedirectQuery(relayState), null);

        login.then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?realm=demo&flow="));
        Session session = FakeSessionStore.aliceSession("demo", 0);
        Response page = resume(flowIdOf(login.header("Location")), session.getId());
        Assertion assertion = verifiedAssertion(page, sent.id);
        assertEquals(relayState, field(page, "RelayState"));
        assertEquals(session.getSid(), assertion.getAuthnStatements().getFirst().getSessionIndex());
        assertNotEquals(session.getId(), assertion.getAuthnStatements().getFirst().getSessionIndex());
    }

    @Test
    void postBindingWithAnSsoSessionAnswersAtOnce() {
        TestAuthnRequests sent = TestAuthnRequests.request();
        Session session = FakeSessionStore.aliceSession("demo", 30); // e.g. made by an OIDC login

        Response page = post(sent.signedXml(), "rs-post", session.getId());

        verifiedAssertion(page, sent.id);
        assertEquals("rs-post", field(page, "RelayState"));
    }

    @Test
    void isPassiveWithoutASessionIsNoPassive() {
        TestAuthnRequests sent = TestAuthnRequests.request();
        sent.passive = true;

        Response page = post(sent.signedXml(), null, null);

        page.then().statusCode(200);
        var response = SpView.decode(field(page, "SAMLResponse"));
        assertEquals(SamlStatus.NO_PASSIVE, response.getStatus().getStatusCode().getStatusCode().getValue());
        assertEquals(sent.id, response.getInResponseTo());
        assertTrue(response.getAssertions().isEmpty());
        // decided by the core after the request was trusted, and signed like every other Response
        SpView.verifySignature(response, SamlTestKeys.IDP_SIGNING.certificate());
    }

    @Test
    void forceAuthnGoesToTheLoginPageEvenWithASession() {
        TestAuthnRequests sent = TestAuthnRequests.request();
        sent.forceAuthn = true;

        post(sent.signedXml(), null, FakeSessionStore.aliceSession("demo", 30).getId())
                .then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?"));
    }

    @Test
    void anUnregisteredAcsGetsAnErrorPageNeverAPost() {
        TestAuthnRequests sent = TestAuthnRequests.request();
        sent.acsUrl = "https://attacker.example/acs";

        post(sent.signedXml(), null, FakeSessionStore.aliceSession("demo", 30).getId())
                .then().statusCode(400).header("Location", nullValue())
                .body(not(containsString("SAMLResponse")), not(containsString("attacker.example")));
    }

    @Test
    void s20AReplayedRequestIsRefused() {
        String xml = TestAuthnRequests.request().signedXml();
        post(xml, null, null).then().statusCode(303);

        post(xml, null, null).then().statusCode(400).body(not(containsString("SAMLResponse")));
    }

    @Test
    void brokenInputIsAnErrorPageNotA500() {
        redirect("SAMLRequest=bm90IGRlZmxhdGU%3D", null).then().statusCode(400); // not DEFLATE
        given().contentType("text/plain").body("x").when().post(SSO).then().statusCode(400);
        redirect(TestAuthnRequests.request().redirectQuery(null), null).then().statusCode(400); // unsigned
    }
}
