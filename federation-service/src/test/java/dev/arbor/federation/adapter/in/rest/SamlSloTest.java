package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.contracts.events.Topics;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.port.SamlSessionParticipants;
import dev.arbor.federation.support.Eventually;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.protocol.saml2.SamlStatus;
import dev.arbor.federation.protocol.saml2.SamlTestKeys;
import dev.arbor.federation.protocol.saml2.SamlXml;
import dev.arbor.federation.protocol.saml2.SpView;
import dev.arbor.federation.protocol.saml2.TestAuthnRequests;
import dev.arbor.federation.protocol.saml2.TestLogoutMessages;
import dev.arbor.federation.protocol.saml2.TestServiceProviders;
import dev.arbor.federation.protocol.saml2.TestSoapSp;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.TestSamlBeans;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;

/**
 * SAML Profiles §4.4 — SP-initiated Single Logout at /realms/demo/saml2/slo: both bindings, propagation
 * to the session's other SPs (front channel through the browser, SOAP by back channel), the final
 * status, and the attacks on it. Sessions are the fake session-store's; Redis and PostgreSQL are real.
 */
@QuarkusTest
@TestProfile(TestSamlBeans.Profile.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SamlSloTest {
    private static final String SSO = "/realms/demo/saml2/sso";
    private static final String SLO = "/realms/demo/saml2/slo";
    private static final String SOAP_SP = "https://soap.example/metadata";

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MeterRegistry metrics;

    @Inject
    SamlSessionParticipants samlParticipants;

    private TestSoapSp soapSp;

    @BeforeEach
    void registerTheSps() {
        soapSp = new TestSoapSp(SOAP_SP);
        TestSamlBeans.REGISTERED.put(TestServiceProviders.ENTITY_ID, TestServiceProviders.withSlo());
        TestSamlBeans.REGISTERED.put(TestServiceProviders.SP2_ENTITY_ID, TestServiceProviders.other(
                TestServiceProviders.SP2_ENTITY_ID, TestServiceProviders.SP2_ACS,
                List.of(new SamlEndpoint(SamlBinding.HTTP_REDIRECT, TestServiceProviders.SP2_SLO, null, false, null))));
        TestSamlBeans.REGISTERED.put(SOAP_SP, TestServiceProviders.other(SOAP_SP, "https://soap.example/acs",
                List.of(new SamlEndpoint(SamlBinding.SOAP, soapSp.url(), null, false, null))));
    }

    @AfterEach
    void unregister() {
        soapSp.close();
        TestSamlBeans.REGISTERED.clear();
    }

    // ---- what the SPs do

    /** SSO at {@code entityId} within the browser session: the assertion the SP received. */
    private static Assertion login(String entityId, String acs, String sessionId) {
        TestAuthnRequests sent = TestAuthnRequests.request();
        sent.issuer = entityId;
        sent.acsUrl = acs;
        sent.key = entityId.equals(TestServiceProviders.ENTITY_ID) ? SamlTestKeys.SP_SIGNING : SamlTestKeys.SP2_SIGNING;
        Response page = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("SAMLRequest", TestAuthnRequests.post(sent.signedXml()))
                .cookie("arbor_session", sessionId).when().post(SSO);
        page.then().statusCode(200);
        var response = SpView.decode(field(page, "SAMLResponse"));
        assertEquals(SamlStatus.SUCCESS, response.getStatus().getStatusCode().getValue());
        return response.getAssertions().getFirst();
    }

    private static NameID nameId(Assertion assertion) {
        return assertion.getSubject().getNameID();
    }

    private static String sessionIndex(Assertion assertion) {
        return assertion.getAuthnStatements().getFirst().getSessionIndex();
    }

    private static Response redirect(String rawQuery, String sessionId) {
        var request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (sessionId != null) {
            request = request.cookie("arbor_session", sessionId);
        }
        return request.when().get(SLO + "?" + rawQuery);
    }

    private static Response post(String field, String xml, String relayState, String sessionId) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam(field, TestAuthnRequests.post(xml));
        if (relayState != null) {
            request = request.formParam("RelayState", relayState);
        }
        if (sessionId != null) {
            request = request.cookie("arbor_session", sessionId);
        }
        return request.when().post(SLO);
    }

    private static String field(Response page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page.body().asString());
        assertTrue(m.find(), "no " + name + " in " + page.body().asString());
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    /** A signed HTTP-Redirect LogoutRequest from the fixture SP for what it was told. */
    private static TestLogoutMessages logoutOf(Assertion assertion) {
        return TestLogoutMessages.request(nameId(assertion), sessionIndex(assertion));
    }

    private static TestLogoutMessages.Received followRedirect(Response response) {
        response.then().statusCode(303);
        return TestLogoutMessages.fromRedirect(response.header("Location"), SamlTestKeys.IDP_SIGNING.certificate());
    }

    private static LogoutResponse finalAnswer(Response response, String requestId, String relayState) {
        TestLogoutMessages.Received answer = followRedirect(response);
        assertEquals(TestServiceProviders.SP_SLO_RESPONSES, answer.location());
        LogoutResponse logoutResponse = (LogoutResponse) answer.message();
        assertEquals(requestId, logoutResponse.getInResponseTo());
        assertEquals(TestServiceProviders.SP_SLO_RESPONSES, logoutResponse.getDestination());
        assertEquals(TestServiceProviders.ISSUER, logoutResponse.getIssuer().getValue());
        assertEquals(relayState, answer.relayState());
        return logoutResponse;
    }

    private static String status(LogoutResponse response) {
        return response.getStatus().getStatusCode().getValue();
    }

    private static String secondLevel(LogoutResponse response) {
        var second = response.getStatus().getStatusCode().getStatusCode();
        return second == null ? null : second.getValue();
    }

    /** The SSO cookie no longer gets a Response: the login page instead. */
    private static void assertTheCookieNoLongerWorks(String sessionId) {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("SAMLRequest", TestAuthnRequests.post(TestAuthnRequests.request().signedXml()))
                .cookie("arbor_session", sessionId).when().post(SSO)
                .then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?"));
    }

    // ---- SP-initiated, one SP

    @Test
    void redirectLogoutRequestEndsTheSessionAndAnswersSuccessSignedAtTheResponseLocationWithTheRelayState() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion assertion = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        TestLogoutMessages sent = logoutOf(assertion);

        Response answer = redirect(sent.query(sent.buildRequest(), "SAMLRequest", "rs-1 &x", true), session.getId());

        LogoutResponse response = finalAnswer(answer, sent.id, "rs-1 &x");
        assertEquals(SamlStatus.SUCCESS, status(response));
        assertNull(secondLevel(response));
        assertFalse(FakeSessionStore.isLive(session.getId()));
        assertTheCookieNoLongerWorks(session.getId());
    }

    @Test
    void postLogoutRequestWithoutTheCookieFindsTheSessionAndAnswersByPost() {
        // a cross-site POST: the SameSite=Lax cookie is withheld, the recorded SessionIndex finds the session
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion assertion = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        TestLogoutMessages sent = logoutOf(assertion);

        Response page = post("SAMLRequest", sent.signed(sent.buildRequest()), "rs-post", null);

        page.then().statusCode(200).body(containsString("action=\"" + TestServiceProviders.SP_SLO_POST + "\""));
        LogoutResponse response = (LogoutResponse) TestLogoutMessages.fromPost(field(page, "SAMLResponse"),
                SamlTestKeys.IDP_SIGNING.certificate());
        assertEquals(SamlStatus.SUCCESS, status(response));
        assertEquals(sent.id, response.getInResponseTo());
        assertEquals(TestServiceProviders.SP_SLO_POST, response.getDestination());
        assertEquals("rs-post", field(page, "RelayState"));
        assertFalse(FakeSessionStore.isLive(session.getId()));
        assertTheCookieNoLongerWorks(session.getId());
    }

    @Test
    void withoutSessionIndexTheNameIdAloneFindsTheSession() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion assertion = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        TestLogoutMessages sent = TestLogoutMessages.request(nameId(assertion), null);

        LogoutResponse response = finalAnswer(redirect(sent.query(sent.buildRequest(), "SAMLRequest", null, true),
                null), sent.id, null);

        assertEquals(SamlStatus.SUCCESS, status(response));
        assertFalse(FakeSessionStore.isLive(session.getId()));
    }

    // ---- propagation

    @Test
    void propagatesToTheSecondSpThroughTheBrowserThenAnswersTheInitiatorSuccess() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion first = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        Assertion second = login(TestServiceProviders.SP2_ENTITY_ID, TestServiceProviders.SP2_ACS, session.getId());
        TestLogoutMessages sent = logoutOf(first);

        TestLogoutMessages.Received toSecond = followRedirect(redirect(
                sent.query(sent.buildRequest(), "SAMLRequest", "initiator-state", true), session.getId()));

        assertFalse(FakeSessionStore.isLive(session.getId()), "the session ends before the others are visited");
        assertEquals(TestServiceProviders.SP2_SLO, toSecond.location());
        LogoutRequest request = (LogoutRequest) toSecond.message();
        assertEquals(nameId(second).getValue(), request.getNameID().getValue());
        assertEquals(nameId(second).getFormat(), request.getNameID().getFormat());
        assertEquals(nameId(second).getSPNameQualifier(), request.getNameID().getSPNameQualifier());
        assertEquals(sessionIndex(second), request.getSessionIndexes().getFirst().getValue());
        assertEquals(TestServiceProviders.SP2_SLO, request.getDestination());

        Response answer = redirect(sp2Answers(request.getID(), SamlStatus.SUCCESS, toSecond.relayState()), null);

        LogoutResponse response = finalAnswer(answer, sent.id, "initiator-state");
        assertEquals(SamlStatus.SUCCESS, status(response));
        assertNull(secondLevel(response));
    }

    @Test
    void theSecondSpAnsweringResponderMakesItAPartialLogout() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion first = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        login(TestServiceProviders.SP2_ENTITY_ID, TestServiceProviders.SP2_ACS, session.getId());
        TestLogoutMessages sent = logoutOf(first);
        TestLogoutMessages.Received toSecond = followRedirect(redirect(
                sent.query(sent.buildRequest(), "SAMLRequest", null, true), session.getId()));

        Response answer = redirect(sp2Answers(toSecond.message().getDOM().getAttribute("ID"), SamlStatus.RESPONDER,
                toSecond.relayState()), null);

        LogoutResponse response = finalAnswer(answer, sent.id, null);
        assertEquals(SamlStatus.SUCCESS, status(response));
        assertEquals(SamlStatus.PARTIAL_LOGOUT, secondLevel(response));
    }

    @Test
    void aLogoutResponseWithTheWrongInResponseToOrFromTheWrongSpIsRefusedAndTheGenuineOneStillCompletes() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion first = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        login(TestServiceProviders.SP2_ENTITY_ID, TestServiceProviders.SP2_ACS, session.getId());
        TestLogoutMessages sent = logoutOf(first);
        TestLogoutMessages.Received toSecond = followRedirect(redirect(
                sent.query(sent.buildRequest(), "SAMLRequest", null, true), session.getId()));
        String sentId = ((LogoutRequest) toSecond.message()).getID();

        redirect(sp2Answers("_another-request", SamlStatus.SUCCESS, toSecond.relayState()), null)
                .then().statusCode(400).header("Location", nullValue());
        TestLogoutMessages fromTheInitiator = TestLogoutMessages.response(sentId); // signed by SP 1, Issuer SP 1
        redirect(fromTheInitiator.query(fromTheInitiator.buildResponse(), "SAMLResponse", toSecond.relayState(), true),
                null).then().statusCode(400).header("Location", nullValue());
        TestLogoutMessages forged = TestLogoutMessages.response(sentId); // Issuer SP 2, signed by SP 1's key
        forged.issuer = TestServiceProviders.SP2_ENTITY_ID;
        redirect(forged.query(forged.buildResponse(), "SAMLResponse", toSecond.relayState(), true), null)
                .then().statusCode(400).header("Location", nullValue());

        LogoutResponse response = finalAnswer(redirect(sp2Answers(sentId, SamlStatus.SUCCESS, toSecond.relayState()),
                null), sent.id, null);
        assertEquals(SamlStatus.SUCCESS, status(response));
        assertNull(secondLevel(response));
    }

    @Test
    void aSoapOnlyParticipantIsLoggedOutByBackChannel() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion first = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        Assertion soap = login(SOAP_SP, "https://soap.example/acs", session.getId());
        double before = metrics.counter("arbor.federation.saml.logout", "channel", "soap", "result", "success").count();
        TestLogoutMessages sent = logoutOf(first);

        LogoutResponse response = finalAnswer(redirect(sent.query(sent.buildRequest(), "SAMLRequest", null, true),
                session.getId()), sent.id, null);

        assertEquals(SamlStatus.SUCCESS, status(response));
        assertNull(secondLevel(response));
        assertEquals(1, soapSp.received.size());
        assertEquals(nameId(soap).getValue(), soapSp.received.getFirst().getNameID().getValue());
        assertEquals(sessionIndex(soap), soapSp.received.getFirst().getSessionIndexes().getFirst().getValue());
        assertEquals(before + 1,
                metrics.counter("arbor.federation.saml.logout", "channel", "soap", "result", "success").count());
    }

    @Test
    void aFailingSoapParticipantMakesItAPartialLogout() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion first = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        login(SOAP_SP, "https://soap.example/acs", session.getId());
        soapSp.fail = true;
        TestLogoutMessages sent = logoutOf(first);

        LogoutResponse response = finalAnswer(redirect(sent.query(sent.buildRequest(), "SAMLRequest", null, true),
                session.getId()), sent.id, null);

        assertEquals(SamlStatus.PARTIAL_LOGOUT, secondLevel(response));
        assertFalse(FakeSessionStore.isLive(session.getId()));
    }

    @Test
    void aSoapParticipantAnsweringResponderMakesItAPartialLogout() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion first = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        login(SOAP_SP, "https://soap.example/acs", session.getId());
        soapSp.status = SamlStatus.RESPONDER;
        TestLogoutMessages sent = logoutOf(first);

        LogoutResponse response = finalAnswer(redirect(sent.query(sent.buildRequest(), "SAMLRequest", null, true),
                session.getId()), sent.id, null);

        assertEquals(SamlStatus.PARTIAL_LOGOUT, secondLevel(response));
    }

    // ---- logout started elsewhere (session.ended)

    @Test
    void aSessionEndedElsewhereTellsSoapParticipantsByBackChannelButAReplacedOneDoesNot() throws Exception {
        Session ended = FakeSessionStore.aliceSession("demo", 30);
        Session replaced = FakeSessionStore.aliceSession("demo", 30);
        login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, ended.getId());
        Assertion soap = login(SOAP_SP, "https://soap.example/acs", ended.getId());
        login(SOAP_SP, "https://soap.example/acs", replaced.getId());

        publish(sessionEnded(replaced.getSid(), "replaced"));
        publish(sessionEnded(ended.getSid(), "admin")); // e.g. an administrator, or OIDC end_session

        Eventually.await(WAIT, () -> !soapSp.received.isEmpty(), "the SOAP participant was told");
        assertEquals(sessionIndex(soap), soapSp.received.getFirst().getSessionIndexes().getFirst().getValue());
        assertEquals(nameId(soap).getValue(), soapSp.received.getFirst().getNameID().getValue());
        Eventually.await(WAIT, () -> samlParticipants.of("demo", ended.getSid()).await().atMost(WAIT).isEmpty(),
                "the ended session's SAML participants are forgotten");
        assertFalse(samlParticipants.of("demo", replaced.getSid()).await().atMost(WAIT).isEmpty(),
                "a replaced session is not a logout");
        assertEquals(1, soapSp.received.size());
    }

    @Test
    void aLogoutStartedAtAnSpDoesNotCallItsSoapParticipantsAgainWhenSessionEndedArrives() throws Exception {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Session marker = FakeSessionStore.aliceSession("demo", 30);
        Assertion first = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        login(SOAP_SP, "https://soap.example/acs", session.getId());
        Assertion markerSoap = login(SOAP_SP, "https://soap.example/acs", marker.getId());
        TestLogoutMessages sent = logoutOf(first);
        finalAnswer(redirect(sent.query(sent.buildRequest(), "SAMLRequest", null, true), session.getId()), sent.id,
                null);
        assertEquals(1, soapSp.received.size());

        publish(sessionEnded(session.getSid(), "logout")); // what session-store publishes after EndSession
        publish(sessionEnded(marker.getSid(), "logout"));

        Eventually.await(WAIT, () -> soapSp.received.size() >= 2, "the marker session's participant was told");
        assertEquals(2, soapSp.received.size());
        assertEquals(sessionIndex(markerSoap), soapSp.received.get(1).getSessionIndexes().getFirst().getValue());
    }

    @Test
    void oidcEndSessionLoadsASignedSamlLogoutRequestForEachFrontChannelOnlySpInAnIframe() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion atSp2 = login(TestServiceProviders.SP2_ENTITY_ID, TestServiceProviders.SP2_ACS, session.getId());
        login(SOAP_SP, "https://soap.example/acs", session.getId()); // told by back channel instead
        String client = dev.arbor.federation.support.LogoutClients.register(null);
        String hint = dev.arbor.federation.support.TestTokens.accessToken().type("JWT").clientId(client)
                .subject("alice").sessionId(session.getSid()).build();

        Response page = given().redirects().follow(false).cookie("arbor_session", session.getId())
                .queryParam("id_token_hint", hint).when().get("/realms/demo/oauth2/logout");

        page.then().statusCode(200).header("Content-Security-Policy", containsString("https://sp2.example"));
        assertFalse(FakeSessionStore.isLive(session.getId()));
        Matcher frames = Pattern.compile("<iframe src=\"([^\"]*)\"").matcher(page.body().asString());
        List<String> saml = frames.results().map(m -> m.group(1).replace("&amp;", "&"))
                .filter(u -> u.contains("SAMLRequest=")).toList();
        assertEquals(1, saml.size(), "one frame for SP 2, none for the SOAP SP");
        TestLogoutMessages.Received request = TestLogoutMessages.fromRedirect(saml.getFirst(),
                SamlTestKeys.IDP_SIGNING.certificate());
        assertEquals(TestServiceProviders.SP2_SLO, request.location());
        LogoutRequest logoutRequest = (LogoutRequest) request.message();
        assertEquals(nameId(atSp2).getValue(), logoutRequest.getNameID().getValue());
        assertEquals(sessionIndex(atSp2), logoutRequest.getSessionIndexes().getFirst().getValue());
    }

    private static SessionEvent.Ended sessionEnded(String sid, String reason) {
        return new SessionEvent.Ended(UUID.randomUUID().toString(), Instant.now(), "demo", sid, "alice", reason);
    }

    private static void publish(SessionEvent.Ended event) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(config)) {
            producer.send(new ProducerRecord<>(Topics.SESSION, event.sid(), EventJson.write(event))).get();
        }
    }

    private static String sp2Answers(String inResponseTo, String status, String relayState) {
        TestLogoutMessages answer = TestLogoutMessages.response(inResponseTo);
        answer.issuer = TestServiceProviders.SP2_ENTITY_ID;
        answer.key = SamlTestKeys.SP2_SIGNING;
        answer.status = status;
        return answer.query(answer.buildResponse(), "SAMLResponse", relayState, true);
    }

    // ---- attacks: nothing ends, no answer to an unverified place

    private static void assertRefusedAndAlive(Response response, Session session) {
        response.then().statusCode(400).header("Location", nullValue()).body(not(containsString("SAMLResponse")));
        assertTrue(FakeSessionStore.isLive(session.getId()));
    }

    @Test
    void anUnsignedLogoutRequestIsRefusedWhenTheSpMustSign() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        TestLogoutMessages sent = logoutOf(login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS,
                session.getId()));

        assertRefusedAndAlive(redirect(sent.query(sent.buildRequest(), "SAMLRequest", null, false), session.getId()),
                session);
        sent.id = dev.arbor.federation.protocol.saml2.SamlIds.newId();
        assertRefusedAndAlive(post("SAMLRequest", SamlXml.serialize(sent.buildRequest()), null, session.getId()),
                session);
    }

    @Test
    void aRequestSignedByAKeyNotInTheMetadataIsRefusedThoughItsKeyInfoCarriesTheCertificate() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        TestLogoutMessages sent = logoutOf(login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS,
                session.getId()));
        sent.key = SamlTestKeys.ATTACKER;

        String xml = sent.signed(sent.buildRequest());

        assertTrue(xml.contains("X509Certificate"), "the attacker's certificate is in the KeyInfo");
        assertRefusedAndAlive(post("SAMLRequest", xml, null, session.getId()), session);
        TestLogoutMessages again = logoutOf(login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS,
                session.getId()));
        again.key = SamlTestKeys.ATTACKER;
        assertRefusedAndAlive(redirect(again.query(again.buildRequest(), "SAMLRequest", null, true), session.getId()),
                session);
    }

    @Test
    void sha1IsRefused() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        TestLogoutMessages sent = logoutOf(login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS,
                session.getId()));
        sent.signatureAlgorithm = TestAuthnRequests.RSA_SHA1;

        assertRefusedAndAlive(redirect(sent.query(sent.buildRequest(), "SAMLRequest", null, true), session.getId()),
                session);
    }

    @Test
    void aReplayedRequestIdIsRefused() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        TestLogoutMessages sent = logoutOf(login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS,
                session.getId()));
        sent.nameId = "someone-else"; // answered UnknownPrincipal: the session stays for the replay to target
        String query = sent.query(sent.buildRequest(), "SAMLRequest", null, true);
        redirect(query, session.getId()).then().statusCode(303);

        assertRefusedAndAlive(redirect(query, session.getId()), session);
    }

    @Test
    void aWrongDestinationOrAnOldIssueInstantIsRefused() {
        Session session = FakeSessionStore.aliceSession("demo", 30);
        Assertion assertion = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, session.getId());
        TestLogoutMessages elsewhere = logoutOf(assertion);
        elsewhere.destination = "http://localhost:8080/realms/other/saml2/slo";
        TestLogoutMessages old = logoutOf(assertion);
        old.issueInstant = Instant.now().minusSeconds(3600);
        TestLogoutMessages expired = logoutOf(assertion);
        expired.notOnOrAfter = Instant.now().minusSeconds(600);

        assertRefusedAndAlive(redirect(elsewhere.query(elsewhere.buildRequest(), "SAMLRequest", null, true),
                session.getId()), session);
        assertRefusedAndAlive(redirect(old.query(old.buildRequest(), "SAMLRequest", null, true), session.getId()),
                session);
        assertRefusedAndAlive(redirect(expired.query(expired.buildRequest(), "SAMLRequest", null, true),
                session.getId()), session);
    }

    @Test
    void theNameIdOfAnotherUserOrAnotherSpEndsNoSessionAndIsUnknownPrincipal() {
        Session alice = FakeSessionStore.aliceSession("demo", 30);
        Session bob = FakeSessionStore.sessionOf("demo", "alice+bob"); // another user (the fake knows alice+*)
        Assertion aliceAtSp1 = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, alice.getId());
        Assertion aliceAtSp2 = login(TestServiceProviders.SP2_ENTITY_ID, TestServiceProviders.SP2_ACS, alice.getId());
        Assertion bobAtSp1 = login(TestServiceProviders.ENTITY_ID, TestServiceProviders.ACS, bob.getId());
        // bob's NameID with alice's SessionIndex and alice's cookie
        TestLogoutMessages mixed = TestLogoutMessages.request(nameId(bobAtSp1), sessionIndex(aliceAtSp1));
        // the NameID alice has at SP 2, sent by SP 1
        TestLogoutMessages crossSp = TestLogoutMessages.request(nameId(aliceAtSp2), null);

        for (TestLogoutMessages sent : List.of(mixed, crossSp)) {
            LogoutResponse response = finalAnswer(redirect(sent.query(sent.buildRequest(), "SAMLRequest", null, true),
                    alice.getId()), sent.id, null);
            assertEquals(SamlStatus.REQUESTER, status(response));
            assertEquals(SamlStatus.UNKNOWN_PRINCIPAL, secondLevel(response));
        }
        assertTrue(FakeSessionStore.isLive(alice.getId()));
        assertTrue(FakeSessionStore.isLive(bob.getId()));
    }

    @Test
    void anUnknownSpOrBrokenInputIsAnErrorPageNotA500() {
        TestLogoutMessages unknown = TestLogoutMessages.request(
                (NameID) org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport.getBuilderFactory()
                        .getBuilderOrThrow(NameID.DEFAULT_ELEMENT_NAME).buildObject(NameID.DEFAULT_ELEMENT_NAME), null);
        unknown.nameId = "x";
        unknown.issuer = "https://unknown.example";
        redirect(unknown.query(unknown.buildRequest(), "SAMLRequest", null, true), null).then().statusCode(400);
        redirect("SAMLRequest=bm90IGRlZmxhdGU%3D", null).then().statusCode(400);
        redirect("SAMLResponse=bm90IGRlZmxhdGU%3D&RelayState=nope", null).then().statusCode(400);
        given().contentType("text/plain").body("x").when().post(SLO).then().statusCode(400);
        given().when().get(SLO).then().statusCode(400);
    }
}
