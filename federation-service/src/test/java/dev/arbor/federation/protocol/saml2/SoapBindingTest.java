package dev.arbor.federation.protocol.saml2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.ArtifactResolve;
import org.opensaml.soap.soap11.FaultCode;

/** SAML Bindings §3.2 — what the SOAP envelope of an ArtifactResolve may look like, and how its sender is authenticated. */
class SoapBindingTest {
    private static final String ARTIFACT_URL = TestServiceProviders.ISSUER + "/saml2/artifact";
    private static final ArtifactResolveCheck CHECK = new ArtifactResolveCheck(Duration.ofMinutes(3));
    private static final String BODY = "<soap11:Body>";

    private static TestArtifactResolves request() {
        return TestArtifactResolves.of(SamlArtifact.issue(TestServiceProviders.ISSUER).encode(), Instant.now());
    }

    private static Instant check(String envelope) {
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        ArtifactResolve resolve = SoapBinding.unwrap(bytes, ArtifactResolve.class);
        return CHECK.check(bytes, resolve, TestServiceProviders.sp(), ARTIFACT_URL, Instant.now());
    }

    private static SoapBinding.SoapFault fault(String envelope) {
        return assertThrows(SoapBinding.SoapFault.class,
                () -> SoapBinding.unwrap(envelope.getBytes(StandardCharsets.UTF_8), ArtifactResolve.class));
    }

    private static String refusal(TestArtifactResolves request) {
        return assertThrows(InvalidSamlRequest.class, () -> check(request.envelope())).getMessage();
    }

    @Test
    void anArtifactResolveSignedByTheSpIsAcceptedAndRememberedForTwiceTheSkew() {
        TestArtifactResolves request = request();

        Instant rememberUntil = check(request.envelope());

        assertEquals(request.issueInstant.truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(6)), rememberUntil);
    }

    @Test
    void anUnsignedForeignSignedMisaddressedOrFutureRequestIsRefused() {
        TestArtifactResolves unsigned = request();
        unsigned.key = null;
        TestArtifactResolves attacker = request();
        attacker.key = SamlTestKeys.ATTACKER;
        TestArtifactResolves elsewhere = request();
        elsewhere.destination = TestServiceProviders.SSO_URL;
        TestArtifactResolves future = request();
        future.issueInstant = Instant.now().plus(Duration.ofMinutes(4));

        assertTrue(refusal(unsigned).contains("must be signed"));
        assertTrue(refusal(attacker).contains("does not verify"));
        assertTrue(refusal(elsewhere).contains("Destination"));
        assertTrue(refusal(future).contains("IssueInstant"));
    }

    @Test
    void aSignedCopyHiddenInAHeaderIsAFaultBeforeAnySignatureIsChecked() {
        String signed = request().envelope();
        String message = signed.substring(signed.indexOf(BODY) + BODY.length(), signed.indexOf("</soap11:Body>"));

        String wrapped = signed.replace(BODY, "<soap11:Header>" + message + "</soap11:Header>" + BODY);

        assertEquals(FaultCode.CLIENT, fault(wrapped).code());
    }

    @Test
    void aHeaderBlockThatMustBeUnderstoodIsAMustUnderstandFault() {
        String withHeader = request().envelope().replace(BODY, "<soap11:Header><x:Tx xmlns:x=\"urn:x\""
                + " soap11:mustUnderstand=\"1\">1</x:Tx></soap11:Header>" + BODY);
        String ignorable = request().envelope().replace(BODY,
                "<soap11:Header><x:Tx xmlns:x=\"urn:x\">1</x:Tx></soap11:Header>" + BODY);

        assertEquals(FaultCode.MUST_UNDERSTAND, fault(withHeader).code());
        check(ignorable);
    }

    @Test
    void theBodyHoldsExactlyOneArtifactResolve() {
        String signed = request().envelope();
        String message = signed.substring(signed.indexOf(BODY) + BODY.length(), signed.indexOf("</soap11:Body>"));

        assertEquals(FaultCode.CLIENT, fault(signed.replace("</soap11:Body>", message + "</soap11:Body>")).code());
        assertEquals(FaultCode.CLIENT, fault(SoapBinding.wrap(TestAuthnRequests.request().build())).code());
        assertEquals(FaultCode.CLIENT, fault("<x/>").code());
        assertTrue(fault("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>").getMessage()
                .contains("DOCTYPE"));
    }

    @Test
    void aFaultIsASoap11EnvelopeWithTheCodeAndTheReason() {
        String envelope = SoapBinding.fault(FaultCode.CLIENT, "a <reason> & more");

        assertTrue(envelope.contains("http://schemas.xmlsoap.org/soap/envelope/"));
        assertTrue(envelope.contains(":Client</faultcode>") || envelope.contains(":Client</"), envelope);
        assertTrue(envelope.contains("a &lt;reason&gt; &amp; more"), envelope);
    }
}
