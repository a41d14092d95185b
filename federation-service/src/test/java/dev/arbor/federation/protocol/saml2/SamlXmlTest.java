package dev.arbor.federation.protocol.saml2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;

class SamlXmlTest {
    private static final String REQUEST = """
            <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"
                xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" Version="2.0"
                IssueInstant="2026-11-26T10:00:00Z"><saml:Issuer>https://sp.example/</saml:Issuer></samlp:AuthnRequest>""";

    @Test
    void readsSamlAndRoundTripsIt() {
        AuthnRequest request = SamlXml.unmarshall(bytes(REQUEST), AuthnRequest.class);

        assertEquals("_a1", request.getID());
        assertEquals("https://sp.example/", request.getIssuer().getValue());
        String serialized = SamlXml.serialize(request);
        assertTrue(serialized.contains("ID=\"_a1\"") && serialized.contains("https://sp.example/"), serialized);
    }

    @Test
    void refusesAnyDoctypeSoNoEntityIsEverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + REQUEST.replace("https://sp.example/", "&x;");

        var refused = assertThrows(SamlXml.SamlXmlException.class, () -> SamlXml.unmarshall(bytes(xxe)));
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
    }

    @Test
    void refusesTheBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = dtd.append("]>").toString() + REQUEST.replace("https://sp.example/", "&l9;");

        assertThrows(SamlXml.SamlXmlException.class, () -> SamlXml.unmarshall(bytes(bomb)));
    }

    @Test
    void refusesWhatIsNotTheExpectedMessage() {
        var wrongType = assertThrows(SamlXml.SamlXmlException.class,
                () -> SamlXml.unmarshall(bytes(REQUEST), Issuer.class));
        assertTrue(wrongType.getMessage().contains("Issuer"), wrongType.getMessage());
        assertThrows(SamlXml.SamlXmlException.class, () -> SamlXml.unmarshall(bytes("<not-closed>")));
        var tooLarge = assertThrows(SamlXml.SamlXmlException.class,
                () -> SamlXml.unmarshall(new byte[SamlXml.MAX_DOCUMENT_BYTES + 1]));
        assertTrue(tooLarge.getMessage().contains("larger"), tooLarge.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
