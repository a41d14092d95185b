package dev.arbor.federation.protocol.saml2;

import static dev.arbor.federation.protocol.saml2.AuthnRequestValidatorTest.accepted;
import static dev.arbor.federation.protocol.saml2.AuthnRequestValidatorTest.check;
import static dev.arbor.federation.protocol.saml2.TestAuthnRequests.encode;
import static dev.arbor.federation.protocol.saml2.TestAuthnRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** SAML Bindings §3.4 — HTTP-Redirect: DEFLATE, the query signature over the raw octets (S27). */
class HttpRedirectBindingTest {
    private static final ServiceProvider SP = TestServiceProviders.sp();

    private static AuthnRequestCheck checkQuery(String rawQuery) {
        return check(HttpRedirectBinding.decodeRequest(rawQuery), SP);
    }

    private static String refused(String rawQuery) {
        return assertThrows(InvalidSamlRequest.class, () -> checkQuery(rawQuery)).getMessage();
    }

    @Test
    void aQuerySignedBySpIsAcceptedWithItsRelayState() {
        TestAuthnRequests sent = request();
        String relayState = "https://sp.example/app?x=1&y=é";

        SamlAuthnRequest request = accepted(checkQuery(sent.signedRedirectQuery(relayState)));

        assertEquals(sent.id, request.id());
        assertEquals(relayState, request.relayState());
    }

    @Test
    void theSignatureIsVerifiedOverTheOctetsAsSentNotReEncoded() {
        TestAuthnRequests sent = request();
        // lower-case percent escapes and '%20' for a space: another encoder than Java's, signed as such
        String rawRelay = "a%2fb%20c";
        String samlRequest = "SAMLRequest=" + encode(Base64.getEncoder().encodeToString(
                TestAuthnRequests.deflate(sent.xml().getBytes(StandardCharsets.UTF_8))));
        String signed = samlRequest + "&RelayState=" + rawRelay + "&SigAlg=" + encode(sent.signatureAlgorithm);
        String query = signed + "&Signature=" + encode(Base64.getEncoder().encodeToString(
                sent.signOctets(signed.getBytes(StandardCharsets.US_ASCII))));

        assertEquals("a/b c", accepted(checkQuery(query)).relayState());
    }

    @Test
    void s27TamperingWithRelayStateRequestOrSigAlgBreaksTheSignature() {
        String query = request().signedRedirectQuery("state-1");
        String otherRequest = request().redirectQuery(null).substring("SAMLRequest=".length());

        assertTrue(refused(query.replace("RelayState=state-1", "RelayState=state-2")).contains("does not verify"));
        assertTrue(refused(query.replace("&RelayState=state-1", "")).contains("does not verify"));
        assertTrue(refused(query.replaceFirst("SAMLRequest=[^&]+", "SAMLRequest=" + otherRequest))
                .contains("does not verify"));
        assertTrue(refused(query.replace(encode(SignatureAlgorithms.RSA_SHA256),
                encode("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"))).contains("does not verify"));
    }

    @Test
    void s10AnUnsignedQueryIsRefusedAndASignatureWithoutSigAlgToo() {
        String signed = request().signedRedirectQuery(null);

        assertTrue(refused(request().redirectQuery(null)).contains("must sign"));
        assertTrue(refused(signed.replaceFirst("&SigAlg=[^&]+", "")).contains("together"));
    }

    @Test
    void s11AQuerySignedByAnotherKeyIsRefused() {
        TestAuthnRequests forged = request();
        forged.key = SamlTestKeys.ATTACKER;

        assertTrue(refused(forged.signedRedirectQuery("rs")).contains("does not verify"));
    }

    @Test
    void s24Sha1SigAlgIsRefused() {
        TestAuthnRequests sha1 = request();
        sha1.signatureAlgorithm = TestAuthnRequests.RSA_SHA1;

        assertTrue(refused(sha1.signedRedirectQuery("rs")).contains("signature algorithm not allowed"));
    }

    @Test
    void anXmlSignatureInsideARedirectedRequestIsRefused() {
        TestAuthnRequests sent = request();

        assertTrue(refused(sent.query(sent.signedXml(), null, true)).contains("in the query"));
    }

    @Test
    void s18AZipBombIsRefusedBeforeItIsInflated() {
        byte[] zeros = new byte[SamlXml.MAX_DOCUMENT_BYTES * 20];
        String query = "SAMLRequest=" + encode(Base64.getEncoder().encodeToString(TestAuthnRequests.deflate(zeros)));

        assertTrue(query.length() < 30_000, "a small query");
        var refused = assertThrows(InvalidSamlRequest.class, () -> HttpRedirectBinding.decodeRequest(query));
        assertTrue(refused.getMessage().contains("inflates beyond"));
    }

    @Test
    void s17S18DeflatedXxeAndBillionLaughsAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY heh SYSTEM \"file:///etc/passwd\">]>"
                + request().xml().replace(TestServiceProviders.ENTITY_ID, "&heh;");
        String bomb = AuthnRequestValidatorTest.billionLaughs(request().xml());

        for (String xml : new String[] {xxe, bomb}) {
            String query = request().query(xml, null, false);
            assertThrows(InvalidSamlRequest.class,
                    () -> AuthnRequestValidator.parse(HttpRedirectBinding.decodeRequest(query)));
        }
    }

    @Test
    void malformedQueriesAreRefusedNotFailed() {
        assertThrows(InvalidSamlRequest.class, () -> HttpRedirectBinding.decodeRequest(null));
        assertThrows(InvalidSamlRequest.class, () -> HttpRedirectBinding.decodeRequest("SAMLRequest=%zz"));
        assertThrows(InvalidSamlRequest.class, () -> HttpRedirectBinding.decodeRequest("SAMLRequest=bm90IGRlZmxhdGU="));
        String once = request().redirectQuery(null);
        assertThrows(InvalidSamlRequest.class, () -> HttpRedirectBinding.decodeRequest(once + "&" + once));
        assertThrows(InvalidSamlRequest.class, () -> HttpRedirectBinding.decodeRequest(
                request().redirectQuery("r".repeat(81))));
    }
}
