package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static dev.arbor.federation.adapter.in.rest.SamlSsoTest.field;
import static dev.arbor.federation.adapter.in.rest.SamlSsoTest.resume;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.protocol.saml2.SamlStatus;
import dev.arbor.federation.protocol.saml2.SamlTestKeys;
import dev.arbor.federation.protocol.saml2.SpView;
import dev.arbor.federation.protocol.saml2.TestServiceProviders;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.TestSamlBeans;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;

/**
 * IdP-initiated SSO (SAML Profiles §4.1.5) through /realms/demo/saml2/sso/init: an unsolicited, signed
 * Response (no InResponseTo) to an SP that allows it, the RelayState as given; an error page otherwise.
 */
@QuarkusTest
@TestProfile(TestSamlBeans.Profile.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SamlIdpInitiatedSsoTest {
    private static final String INIT = "/realms/demo/saml2/sso/init";
    private static final String SP = enc(TestServiceProviders.IDP_INITIATED_ENTITY_ID);
    /** 41 bytes of UTF-8: &, <, spaces, a two-, a three- and a four-byte character. */
    private static final String RELAY_STATE = "https://sp.example/a?x=1&y=<b> ü€ 😀";

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Response init(String rawQuery, String sessionId) {
        var request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (sessionId != null) {
            request = request.cookie("arbor_session", sessionId);
        }
        return request.when().get(INIT + "?" + rawQuery);
    }

    private static void refused(Response page) {
        page.then().statusCode(400).header("Location", nullValue()).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("form-action 'none'"))
                .body(not(containsString("SAMLResponse")), not(containsString("<form")));
    }

    /** What the SP checks on an unsolicited Response: both signatures, audience, recipient, no InResponseTo. */
    private static Assertion verifiedUnsolicited(Response page, String acs) {
        page.then().statusCode(200).header("Content-Security-Policy", containsString("form-action https://sp.example"))
                .body(containsString("action=\"" + acs + "\""));
        String encoded = field(page, "SAMLResponse");
        assertFalse(SpView.xml(encoded).contains("InResponseTo"), SpView.xml(encoded));
        var response = SpView.decode(encoded);
        assertEquals(SamlStatus.SUCCESS, response.getStatus().getStatusCode().getValue());
        assertNull(response.getInResponseTo());
        assertEquals(acs, response.getDestination());
        SpView.verifySignature(response, SamlTestKeys.IDP_SIGNING.certificate());
        Assertion assertion = response.getAssertions().getFirst();
        SpView.verifySignature(assertion, SamlTestKeys.IDP_SIGNING.certificate());
        assertEquals(TestServiceProviders.ISSUER, assertion.getIssuer().getValue());
        assertEquals(TestServiceProviders.IDP_INITIATED_ENTITY_ID,
                assertion.getConditions().getAudienceRestrictions().getFirst().getAudiences().getFirst().getURI());
        var data = assertion.getSubject().getSubjectConfirmations().getFirst().getSubjectConfirmationData();
        assertEquals(acs, data.getRecipient());
        assertNull(data.getInResponseTo());
        assertEquals(NameIdFormat.PERSISTENT.uri(), assertion.getSubject().getNameID().getFormat());
        assertEquals(TestServiceProviders.IDP_INITIATED_ENTITY_ID,
                assertion.getSubject().getNameID().getSPNameQualifier());
        return assertion;
    }

    @Test
    void loggedInUserIsPostedAtOnceAnUnsolicitedSignedResponseWithTheRelayStateIntact() {
        Session session = FakeSessionStore.aliceSession("demo", 30);

        Response page = init("sp=" + SP + "&RelayState=" + enc(RELAY_STATE), session.getId());

        Assertion assertion = verifiedUnsolicited(page, TestServiceProviders.ACS);
        assertEquals(RELAY_STATE, field(page, "RelayState"));
        assertEquals(session.getSid(), assertion.getAuthnStatements().getFirst().getSessionIndex());
    }

    @Test
    void withoutASessionTheLoginJourneyRunsThenTheUnsolicitedResponseIsPosted() {
        Response login = init("RelayState=" + enc(RELAY_STATE) + "&sp=" + SP, null);

        login.then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?realm=demo&flow="));
        Session session = FakeSessionStore.aliceSession("demo", 0);
        Response page = resume(flowIdOf(login.header("Location")), session.getId());
        verifiedUnsolicited(page, TestServiceProviders.ACS);
        assertEquals(RELAY_STATE, field(page, "RelayState"));
    }

    @Test
    void anAcsIndexPicksThatRegisteredPostAcsAndNoRelayStateSendsNone() {
        Response page = init("sp=" + SP + "&acs=2", FakeSessionStore.aliceSession("demo", 30).getId());

        verifiedUnsolicited(page, TestServiceProviders.OTHER_ACS);
        page.then().body(not(containsString("name=\"RelayState\"")));
    }

    @Test
    void anSpThatDoesNotAllowIdpInitiatedGetsAnErrorPageNeverAPost() {
        String session = FakeSessionStore.aliceSession("demo", 30).getId();

        refused(init("sp=" + enc(TestServiceProviders.ENTITY_ID), session));
    }

    @Test
    void anUnknownOrMissingSpIsAnErrorPage() {
        String session = FakeSessionStore.aliceSession("demo", 30).getId();

        refused(init("sp=" + enc("https://attacker.example/sp"), session));
        refused(init("RelayState=x", session));
        refused(init("sp=", session));
    }

    @Test
    void anUnknownNonPostOrMalformedAcsIndexIsAnErrorPage() {
        String session = FakeSessionStore.aliceSession("demo", 30).getId();

        refused(init("sp=" + SP + "&acs=7", session)); // not registered
        refused(init("sp=" + SP + "&acs=1", session)); // registered, but HTTP-Artifact
        refused(init("sp=" + SP + "&acs=-1", session));
        refused(init("sp=" + SP + "&acs=" + enc(TestServiceProviders.ACS), session)); // a URL is never taken
    }

    @Test
    void repeatedParametersAndAnOverlongRelayStateAreAnErrorPage() {
        String session = FakeSessionStore.aliceSession("demo", 30).getId();

        refused(init("sp=" + SP + "&sp=" + SP, session));
        refused(init("sp=" + SP + "&RelayState=a&RelayState=b", session));
        refused(init("sp=" + SP + "&acs=0&acs=0", session));
        refused(init("sp=" + SP + "&RelayState=" + "x".repeat(81), session));
    }

    @Test
    void anUnknownRealmIs404ProblemJson() {
        given().redirects().follow(false).when().get("/realms/nope/saml2/sso/init?sp=" + SP)
                .then().statusCode(404).contentType("application/problem+json");
    }
}
