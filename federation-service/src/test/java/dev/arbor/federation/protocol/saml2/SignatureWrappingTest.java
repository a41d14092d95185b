package dev.arbor.federation.protocol.saml2;

import static dev.arbor.federation.protocol.saml2.AuthnRequestValidatorTest.accepted;
import static dev.arbor.federation.protocol.saml2.AuthnRequestValidatorTest.checkPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SAML Raider's XML Signature Wrapping attacks (S1–S8), the fake SignedInfo (S9) and a signature
 * moved away from the root (S14), each built on a validly signed AuthnRequest whose "evil" copy asks
 * for another (registered) ACS: every one must be refused.
 */
class SignatureWrappingTest {
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String EVIL_ID = "_evil0000000000000000000000000000000";

    private static String refusedAfter(Consumer<Document> attack) {
        Document document = parse(TestAuthnRequests.request().signedXml());
        attack.accept(document);
        String xml = SerializeSupport.nodeToString(document);
        return assertThrows(InvalidSamlRequest.class, () -> checkPost(xml)).getMessage();
    }

    @Test
    void theUntouchedRequestIsAccepted() {
        Document document = parse(TestAuthnRequests.request().signedXml());

        accepted(checkPost(SerializeSupport.nodeToString(document)));
    }

    @Test
    void s1Xsw1CloneInsideTheSignatureEvilRootWithANewId() {
        refusedAfter(d -> {
            Element clone = unsignedClone(d);
            signature(d).appendChild(clone);
            makeEvil(d.getDocumentElement(), true);
        });
    }

    @Test
    void s2Xsw2CloneBeforeTheSignature() {
        refusedAfter(d -> {
            Element clone = unsignedClone(d);
            d.getDocumentElement().insertBefore(clone, signature(d));
            makeEvil(d.getDocumentElement(), true);
        });
    }

    @Test
    void s3Xsw3EvilUnsignedCopyAsRootWithTheSignedOneFirstInside() {
        refusedAfter(d -> wrapIn(d, true));
    }

    @Test
    void s4Xsw4EvilRootWithTheSignedOneMovedInsideLast() {
        refusedAfter(d -> wrapIn(d, false));
    }

    @Test
    void s5Xsw5ModifiedRootKeepsItsSignatureUnsignedCloneAppended() {
        refusedAfter(d -> {
            Element clone = unsignedClone(d);
            makeEvil(d.getDocumentElement(), false);
            d.getDocumentElement().appendChild(clone);
        });
    }

    @Test
    void s6Xsw6EvilRootCleanCloneInsideTheSignature() {
        refusedAfter(d -> {
            Element clone = unsignedClone(d);
            makeEvil(d.getDocumentElement(), false);
            signature(d).appendChild(clone);
        });
    }

    @Test
    void s7Xsw7ExtensionsHoldingTheCleanClone() {
        refusedAfter(d -> {
            Element clone = unsignedClone(d);
            Element extensions = d.createElementNS(SAMLP, "samlp:Extensions");
            extensions.appendChild(clone);
            Element root = d.getDocumentElement();
            root.insertBefore(extensions, signature(d).getNextSibling());
            makeEvil(root, false);
        });
    }

    @Test
    void s8Xsw8CleanCloneInADsObject() {
        String message = refusedAfter(d -> {
            Element clone = unsignedClone(d);
            Element object = d.createElementNS(DSIG, "ds:Object");
            object.appendChild(clone);
            signature(d).appendChild(object);
            makeEvil(d.getDocumentElement(), false);
        });
        assertEquals(true, message.contains("ID") || message.contains("Object"), message);
    }

    @Test
    void s9AFakeSignedInfoFirstInTheSignature() {
        String message = refusedAfter(d -> {
            Element signature = signature(d);
            Element realSignedInfo = (Element) signature.getElementsByTagNameNS(DSIG, "SignedInfo").item(0);
            Element fake = (Element) realSignedInfo.cloneNode(true);
            fake.getElementsByTagNameNS(DSIG, "DigestValue").item(0).setTextContent("AAAA");
            signature.insertBefore(fake, realSignedInfo);
            makeEvil(d.getDocumentElement(), false);
        });
        // refused when OpenSAML unmarshalls the Signature, or by the SignedInfo rule if it ever got that far
        assertEquals(true, message.contains("SignedInfo") || message.contains("not a SAML message"), message);
    }

    @Test
    void s14ASignatureThatVerifiesButIsNotAChildOfTheRoot() {
        // the enveloped transform removes the Signature wherever it is, so the digest still matches
        String message = refusedAfter(d -> {
            Element root = d.getDocumentElement();
            Element extensions = d.createElementNS(SAMLP, "samlp:Extensions");
            root.insertBefore(extensions, signature(d).getNextSibling());
            extensions.appendChild(signature(d));
        });
        assertEquals(true, message.contains("child of the root"), message);
    }

    private static void wrapIn(Document d, boolean first) {
        Element original = d.getDocumentElement();
        Element evil = unsignedClone(d);
        makeEvil(evil, true);
        d.replaceChild(evil, original);
        if (first) {
            evil.insertBefore(original, evil.getFirstChild());
        } else {
            evil.appendChild(original);
        }
    }

    /** Another registered ACS: everything but the signature would pass. */
    private static void makeEvil(Element request, boolean newId) {
        request.setAttributeNS(null, "AssertionConsumerServiceURL", TestServiceProviders.OTHER_ACS);
        if (newId) {
            request.setAttributeNS(null, "ID", EVIL_ID);
        }
    }

    private static Element unsignedClone(Document d) {
        Element clone = (Element) d.getDocumentElement().cloneNode(true);
        Element signature = (Element) clone.getElementsByTagNameNS(DSIG, "Signature").item(0);
        clone.removeChild(signature);
        return clone;
    }

    private static Element signature(Document d) {
        return (Element) d.getElementsByTagNameNS(DSIG, "Signature").item(0);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
