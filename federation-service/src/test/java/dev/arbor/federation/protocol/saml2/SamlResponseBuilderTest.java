package dev.arbor.federation.protocol.saml2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.domain.saml2.AssertionEncryption;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/** The Response Arbor sends: content, NameIDs, signing, encryption, and what cannot be injected (S16, S26). */
class SamlResponseBuilderTest {
    private static final byte[] PERSISTENT_KEY = "persistent-key-for-tests-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final SamlResponseBuilder BUILDER = new SamlResponseBuilder(Duration.ofMinutes(5));
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final SsoSession SESSION = new SsoSession("cookie-secret-value", "sid-public", "demo", "alice",
            NOW.minusSeconds(60).getEpochSecond(), "login", List.of("pwd"), NOW.plusSeconds(3600).getEpochSecond());
    private static final Map<String, String> CLAIMS = Map.of("email", "alice@example.com", "name", "Alice Liddell");

    private static SamlAuthnRequest request(NameIdFormat format) {
        return new SamlAuthnRequest("_req1", TestServiceProviders.ENTITY_ID,
                new SamlEndpoint(SamlBinding.HTTP_POST, TestServiceProviders.ACS, 0, true, null), "rs", format, false,
                false, "", NOW.plusSeconds(600));
    }

    private static Response built(ServiceProvider sp, NameIdFormat format, Map<String, String> claims) {
        SamlAuthnRequest request = request(format);
        SamlResponseBuilder.Name name = SamlResponseBuilder.nameFor(request, sp, "alice", claims, PERSISTENT_KEY)
                .orElseThrow();
        return BUILDER.success(TestServiceProviders.ISSUER, sp, request, SESSION, name, claims, NOW);
    }

    /** Protected, serialised, and read back as the SP would. */
    private static Response sentAndReceived(ServiceProvider sp, Map<String, String> claims) {
        Response response = SamlResponseProtector.protect(built(sp, null, claims), SamlTestKeys.IDP_SIGNING, sp);
        return SpView.decode(SamlResponseProtector.encodeForPost(response));
    }

    @Test
    void theResponseSaysWhoWhereAndForWhichRequest() {
        ServiceProvider sp = TestServiceProviders.sp();

        Response response = sentAndReceived(sp, CLAIMS);

        assertTrue(response.getID().matches("_[0-9a-f]{40}"), response.getID());
        assertEquals(TestServiceProviders.ACS, response.getDestination());
        assertEquals("_req1", response.getInResponseTo());
        assertEquals(TestServiceProviders.ISSUER, response.getIssuer().getValue());
        assertEquals(SamlStatus.SUCCESS, response.getStatus().getStatusCode().getValue());
        Assertion assertion = response.getAssertions().getFirst();
        assertEquals(TestServiceProviders.ISSUER, assertion.getIssuer().getValue());
        SubjectConfirmationData data = assertion.getSubject().getSubjectConfirmations().getFirst()
                .getSubjectConfirmationData();
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:bearer",
                assertion.getSubject().getSubjectConfirmations().getFirst().getMethod());
        assertEquals(TestServiceProviders.ACS, data.getRecipient());
        assertEquals("_req1", data.getInResponseTo());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), data.getNotOnOrAfter());
        assertEquals(NOW, assertion.getConditions().getNotBefore());
        assertEquals(TestServiceProviders.ENTITY_ID,
                assertion.getConditions().getAudienceRestrictions().getFirst().getAudiences().getFirst().getURI());
        AuthnStatement authn = assertion.getAuthnStatements().getFirst();
        assertEquals(Instant.ofEpochSecond(SESSION.authTime()), authn.getAuthnInstant());
        assertEquals("sid-public", authn.getSessionIndex());
        assertFalse(SpView.xml(SamlResponseProtector.encodeForPost(response)).contains("cookie-secret-value"));
        assertEquals(Instant.ofEpochSecond(SESSION.expiresAt()), authn.getSessionNotOnOrAfter());
        assertEquals(SamlResponseBuilder.PASSWORD_PROTECTED_TRANSPORT,
                authn.getAuthnContext().getAuthnContextClassRef().getURI());
    }

    @Test
    void anUnsolicitedResponseCarriesNoInResponseToAnywhereAndIsSignedAsUsual() {
        ServiceProvider sp = TestServiceProviders.sp();
        SamlAuthnRequest unsolicited = new SamlAuthnRequest(null, sp.entityId(),
                new SamlEndpoint(SamlBinding.HTTP_POST, TestServiceProviders.ACS, 0, true, null), "rs", null, false,
                false, "", null);
        SamlResponseBuilder.Name name = SamlResponseBuilder.nameFor(unsolicited, sp, "alice", CLAIMS, PERSISTENT_KEY)
                .orElseThrow();

        String encoded = SamlResponseProtector.encodeForPost(SamlResponseProtector.protect(
                BUILDER.success(TestServiceProviders.ISSUER, sp, unsolicited, SESSION, name, CLAIMS, NOW),
                SamlTestKeys.IDP_SIGNING, sp));

        assertFalse(SpView.xml(encoded).contains("InResponseTo"), SpView.xml(encoded));
        Assertion assertion = SpView.decode(encoded).getAssertions().getFirst();
        SpView.verifySignature(assertion, SamlTestKeys.IDP_SIGNING.certificate());
        assertEquals(TestServiceProviders.ACS, assertion.getSubject().getSubjectConfirmations().getFirst()
                .getSubjectConfirmationData().getRecipient());
    }

    @Test
    void theAssertionIsSignedAndTheResponseOnlyWhenAsked() {
        Response assertionOnly = sentAndReceived(TestServiceProviders.sp(), CLAIMS);
        Response both = sentAndReceived(TestServiceProviders.sp(
                TestServiceProviders.with(AssertionEncryption.NONE, true, true)), CLAIMS);

        SpView.verifySignature(assertionOnly.getAssertions().getFirst(), SamlTestKeys.IDP_SIGNING.certificate());
        assertNull(assertionOnly.getSignature());
        SpView.verifySignature(both, SamlTestKeys.IDP_SIGNING.certificate());
        SpView.verifySignature(both.getAssertions().getFirst(), SamlTestKeys.IDP_SIGNING.certificate());
        assertThrows(AssertionError.class, () -> SpView.verifySignature(both, SamlTestKeys.ATTACKER.certificate()));
    }

    @Test
    void anEncryptedAssertionDecryptsWithTheSpKeyAndItsSignatureStillHolds() {
        for (AssertionEncryption encryption : List.of(AssertionEncryption.AES256_GCM_RSA_OAEP,
                AssertionEncryption.AES256_CBC_RSA_OAEP_MGF1P)) {
            ServiceProvider sp = TestServiceProviders.sp(TestServiceProviders.with(encryption, true, true));

            Response response = sentAndReceived(sp, CLAIMS);

            assertTrue(response.getAssertions().isEmpty(), "no cleartext assertion");
            String xml = SamlXml.serialize(response);
            assertTrue(xml.contains(encryption.dataAlgorithm()) && xml.contains(encryption.keyTransportAlgorithm()), xml);
            assertFalse(xml.contains("alice@example.com"));
            if (encryption == AssertionEncryption.AES256_GCM_RSA_OAEP) {
                assertTrue(xml.contains("http://www.w3.org/2009/xmlenc11#mgf1sha256"), "MGF1 with SHA-256");
                assertTrue(xml.contains(SignatureAlgorithms.SHA256), "OAEP digest SHA-256");
            }
            SpView.verifySignature(response, SamlTestKeys.IDP_SIGNING.certificate());
            Assertion assertion = SpView.assertion(response, SamlTestKeys.SP_ENCRYPTION);
            SpView.verifySignature(assertion, SamlTestKeys.IDP_SIGNING.certificate());
            assertEquals("alice@example.com", value(assertion, "urn:oid:0.9.2342.19200300.100.1.3"));
        }
    }

    @Test
    void s15AnEncryptedAssertionThatIsNotSignedTravelsInASignedResponse() {
        ServiceProvider sp = TestServiceProviders.sp(
                TestServiceProviders.with(AssertionEncryption.AES256_GCM_RSA_OAEP, true, false));

        Response response = sentAndReceived(sp, CLAIMS);

        SpView.verifySignature(response, SamlTestKeys.IDP_SIGNING.certificate());
        assertNull(SpView.assertion(response, SamlTestKeys.SP_ENCRYPTION).getSignature());
    }

    @Test
    void persistentNameIdsArePairwiseStableAndQualified() {
        ServiceProvider sp = TestServiceProviders.sp();
        ServiceProvider otherSp = new ServiceProvider("demo", "https://other-sp.example", null,
                sp.assertionConsumerServices(), List.of(), sp.signingCertificates(), List.of(), false, sp.settings(),
                null);

        var first = built(sp, NameIdFormat.PERSISTENT, CLAIMS).getAssertions().getFirst().getSubject().getNameID();
        var again = built(sp, NameIdFormat.PERSISTENT, CLAIMS).getAssertions().getFirst().getSubject().getNameID();
        var other = built(otherSp, NameIdFormat.PERSISTENT, CLAIMS).getAssertions().getFirst().getSubject().getNameID();

        assertEquals(NameIdFormat.PERSISTENT.uri(), first.getFormat());
        assertEquals(first.getValue(), again.getValue());
        assertNotEquals(first.getValue(), other.getValue());
        assertFalse(first.getValue().contains("alice"));
        assertEquals(NameIds.persistent(PERSISTENT_KEY, "demo", TestServiceProviders.ENTITY_ID, "alice"),
                first.getValue());
        assertEquals(TestServiceProviders.ISSUER, first.getNameQualifier());
        assertEquals(TestServiceProviders.ENTITY_ID, first.getSPNameQualifier());
    }

    @Test
    void transientNameIdsAreNewEachTimeAndEmailComesFromTheClaim() {
        ServiceProvider sp = TestServiceProviders.sp();

        var one = built(sp, NameIdFormat.TRANSIENT, CLAIMS).getAssertions().getFirst().getSubject().getNameID();
        var two = built(sp, NameIdFormat.TRANSIENT, CLAIMS).getAssertions().getFirst().getSubject().getNameID();
        var email = built(sp, NameIdFormat.EMAIL, CLAIMS).getAssertions().getFirst().getSubject().getNameID();

        assertNotEquals(one.getValue(), two.getValue());
        assertEquals(NameIdFormat.EMAIL.uri(), email.getFormat());
        assertEquals("alice@example.com", email.getValue());
        assertTrue(SamlResponseBuilder.nameFor(request(NameIdFormat.EMAIL), sp, "alice", Map.of("name", "A"),
                PERSISTENT_KEY).isEmpty(), "no email claim: no NameID (InvalidNameIDPolicy)");
        assertTrue(SamlResponseBuilder.nameFor(request(null), TestServiceProviders.sp(TestServiceProviders.nameIdFrom(
                NameIdFormat.UNSPECIFIED, "preferred_username")), "alice", CLAIMS, PERSISTENT_KEY).isEmpty());
    }

    @Test
    void theContextClassIsTheOneMappedToTheSessionsTreeElseUnspecified() {
        Map<String, String> trees = Map.of(TestServiceProviders.MFA_CLASS, "mfa");
        SsoSession mfa = new SsoSession("c", "s", "demo", "alice", 1, "mfa", List.of("pwd", "otp"), 0);
        SsoSession otp = new SsoSession("c", "s", "demo", "alice", 1, "other", List.of("otp"), 0);

        assertEquals(TestServiceProviders.MFA_CLASS, SamlResponseBuilder.contextClass(trees, mfa));
        assertEquals(SamlResponseBuilder.UNSPECIFIED_CONTEXT, SamlResponseBuilder.contextClass(trees, otp));
    }

    @Test
    void s26MarkupInAnAttributeValueIsEscapedAndSignedAsData() {
        String evil = "x</saml:AttributeValue><evil/><saml:AttributeValue>y";
        ServiceProvider sp = TestServiceProviders.sp();

        Response response = sentAndReceived(sp, Map.of("email", "alice@example.com", "name", evil));

        String xml = SamlXml.serialize(response);
        assertFalse(xml.contains("<evil/>"), xml);
        assertTrue(xml.contains("&lt;/saml:AttributeValue&gt;&lt;evil/&gt;"), xml);
        Assertion assertion = response.getAssertions().getFirst();
        SpView.verifySignature(assertion, SamlTestKeys.IDP_SIGNING.certificate());
        Attribute name = assertion.getAttributeStatements().getFirst().getAttributes().stream()
                .filter(a -> a.getName().equals("urn:oid:2.16.840.1.113730.3.1.241")).findFirst().orElseThrow();
        assertEquals(1, name.getAttributeValues().size());
        assertEquals(evil, ((XSString) name.getAttributeValues().getFirst()).getValue());
    }

    @Test
    void s16ACommentInAValueIsReadBackWhole() {
        ServiceProvider sp = TestServiceProviders.sp(TestServiceProviders.nameIdFrom(NameIdFormat.EMAIL, "email"));
        String value = "admin@example.com<!---->.evil.com";

        Response response = sentAndReceived(sp, Map.of("email", value));

        String xml = SamlXml.serialize(response);
        assertFalse(xml.contains("<!---->"), "the value is text, not a comment: " + xml);
        assertEquals(value, response.getAssertions().getFirst().getSubject().getNameID().getValue());
        SpView.verifySignature(response.getAssertions().getFirst(), SamlTestKeys.IDP_SIGNING.certificate());
    }

    @Test
    void s16ACommentInsideAReceivedNameIdIsRefusedByTheParser() {
        // the Duo attack as a reader of SamlXml meets it: mixed content with a comment is not read at all
        ServiceProvider sp = TestServiceProviders.sp(TestServiceProviders.nameIdFrom(NameIdFormat.EMAIL, "email"));
        String xml = SamlXml.serialize(built(sp, null, Map.of("email", "admin@example.com.evil.com")))
                .replace("admin@example.com.evil.com", "admin@example.com<!---->.evil.com");

        assertTrue(xml.contains("<!---->"));
        assertThrows(SamlXml.SamlXmlException.class,
                () -> SamlXml.unmarshall(xml.getBytes(StandardCharsets.UTF_8), Response.class));
    }

    @Test
    void aFailureResponseCarriesTheStatusAndNoAssertion() {
        Response response = BUILDER.failure(TestServiceProviders.ISSUER, TestServiceProviders.ACS, "_req1",
                SamlStatus.responder(SamlStatus.NO_PASSIVE, "the user is not logged in"), NOW);
        SamlResponseProtector.sign(response, SamlTestKeys.IDP_SIGNING);

        Response received = SpView.decode(SamlResponseProtector.encodeForPost(response));

        assertEquals(SamlStatus.RESPONDER, received.getStatus().getStatusCode().getValue());
        assertEquals(SamlStatus.NO_PASSIVE, received.getStatus().getStatusCode().getStatusCode().getValue());
        assertEquals("_req1", received.getInResponseTo());
        assertTrue(received.getAssertions().isEmpty());
        SpView.verifySignature(received, SamlTestKeys.IDP_SIGNING.certificate());
    }

    private static String value(Assertion assertion, String name) {
        Attribute attribute = assertion.getAttributeStatements().getFirst().getAttributes().stream()
                .filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
        return ((XSString) attribute.getAttributeValues().getFirst()).getValue();
    }
}
