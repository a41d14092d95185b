package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Verifies the signature of a request an SP sent, with the SP's metadata signing certificates only:
 * a KeyInfo in the request is never read (signature spoofing, nevisAuth CVE-2015-5372).
 *
 * <ul>
 *   <li>HTTP-Redirect (SAML Bindings §3.4.4.1): the detached signature over the raw query octets,
 *       with {@link XMLSigningUtil#verifyWithURI}. An XML Signature inside the message is refused.</li>
 *   <li>HTTP-POST (§3.5.4, SAML Core §5): an enveloped signature. The signed element is decided by the
 *       Reference URI, never by position (Keycloak CVE-2024-8698): it must be the root, the
 *       Signature must be the root's child, and the document may hold one Signature and no two
 *       elements with the same ID, which defeats the wrapping attacks (XSW1–8) before the
 *       cryptography is even run. Then OpenSAML's {@link SAMLSignatureProfileValidator} (one
 *       Reference, enveloped + exclusive c14n transforms only, no ds:Object) and
 *       {@link SignatureValidator}.</li>
 * </ul>
 * Algorithms are those of {@link SignatureAlgorithms}.
 */
public final class RequestSignatureVerifier {
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private RequestSignatureVerifier() {
    }

    /**
     * @return true when the message was signed and the signature verifies; false when it is unsigned
     * @throws InvalidSamlRequest when a signature is present and does not verify, or the document is shaped to deceive
     */
    public static boolean verify(ReceivedMessage message, SignableSAMLObject root, List<X509Certificate> certificates) {
        Element document = root.getDOM();
        if (document == null) {
            throw new IllegalStateException("the request must come from SamlXml.unmarshall");
        }
        checkUniqueIds(document);
        List<Element> signatures = descendants(document, DSIG, "Signature");
        if (message.binding() == SamlBinding.HTTP_REDIRECT) {
            if (!signatures.isEmpty()) {
                throw new InvalidSamlRequest("the redirect binding carries its signature in the query, not in the XML");
            }
            if (message.detachedSignature() == null) {
                return false;
            }
            verifyDetached(message.detachedSignature(), certificates);
            return true;
        }
        if (signatures.isEmpty()) {
            return false;
        }
        if (signatures.size() > 1 || signatures.getFirst().getParentNode() != document || root.getSignature() == null
                || root.getSignature().getDOM() != signatures.getFirst()) {
            throw new InvalidSamlRequest("the Signature must be the only one and a child of the root element");
        }
        verifyEnveloped(root, certificates);
        return true;
    }

    private static void verifyDetached(ReceivedMessage.DetachedSignature signature, List<X509Certificate> certificates) {
        if (!SignatureAlgorithms.isAllowedSignature(signature.algorithm())) {
            throw new InvalidSamlRequest("signature algorithm not allowed: " + signature.algorithm());
        }
        for (X509Certificate certificate : certificates) {
            try {
                if (XMLSigningUtil.verifyWithURI(new BasicX509Credential(certificate), signature.algorithm(),
                        signature.signature(), signature.signedOctets())) {
                    return;
                }
            } catch (SecurityException e) {
                // the key does not fit the algorithm (an EC key and an RSA SigAlg): try the next one
            }
        }
        throw new InvalidSamlRequest("the query signature does not verify with the SP's metadata keys");
    }

    private static void verifyEnveloped(SignableSAMLObject root, List<X509Certificate> certificates) {
        Signature signature = root.getSignature();
        checkAlgorithms(signature.getDOM());
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            throw new InvalidSamlRequest("the Signature does not follow the SAML profile: " + e.getMessage());
        }
        for (X509Certificate certificate : certificates) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return;
            } catch (SignatureException e) {
                // not this key
            }
        }
        throw new InvalidSamlRequest("the Signature does not verify with the SP's metadata keys");
    }

    /**
     * SignedInfo first and once, no ds:Object (XSW8, and the fake SignedInfo of CVE-2019-3465), one
     * Reference, to the root; every algorithm on the allow-list (SHA-1 and XSLT refused).
     */
    private static void checkAlgorithms(Element signature) {
        List<Element> children = children(signature, null, null);
        List<Element> signedInfos = children(signature, DSIG, "SignedInfo");
        if (children.isEmpty() || signedInfos.size() != 1 || children.getFirst() != signedInfos.getFirst()
                || !children(signature, DSIG, "Object").isEmpty()) {
            throw new InvalidSamlRequest("the Signature must hold exactly one SignedInfo, first, and no Object");
        }
        Element signedInfo = signedInfos.getFirst();
        if (!SignatureAlgorithms.isAllowedCanonicalization(algorithm(signedInfo, "CanonicalizationMethod"))) {
            throw new InvalidSamlRequest("canonicalization not allowed");
        }
        String method = algorithm(signedInfo, "SignatureMethod");
        if (!SignatureAlgorithms.isAllowedSignature(method)) {
            throw new InvalidSamlRequest("signature algorithm not allowed: " + method);
        }
        List<Element> references = children(signedInfo, DSIG, "Reference");
        if (references.size() != 1) {
            throw new InvalidSamlRequest("the Signature must have exactly one Reference");
        }
        Element reference = references.getFirst();
        String digest = algorithm(reference, "DigestMethod");
        if (!SignatureAlgorithms.isAllowedDigest(digest)) {
            throw new InvalidSamlRequest("digest algorithm not allowed: " + digest);
        }
        for (Element transforms : children(reference, DSIG, "Transforms")) {
            for (Element transform : children(transforms, null, null)) {
                if (!"Transform".equals(transform.getLocalName()) || !DSIG.equals(transform.getNamespaceURI())
                        || !SignatureAlgorithms.isAllowedTransform(transform.getAttribute("Algorithm"))) {
                    throw new InvalidSamlRequest("transform not allowed: " + transform.getAttribute("Algorithm"));
                }
            }
        }
        String uri = reference.getAttribute("URI");
        String rootId = ((Element) signature.getParentNode()).getAttributeNS(null, "ID");
        if (rootId.isEmpty() || !uri.equals("#" + rootId)) {
            throw new InvalidSamlRequest("the Reference does not point at the root element");
        }
    }

    /** No two elements share an ID: a wrapped copy of the signed element would. */
    private static void checkUniqueIds(Element root) {
        Set<String> seen = new HashSet<>();
        for (Element element : descendantsAndSelf(root)) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                if (("ID".equals(name) || "Id".equals(name) || "id".equals(name)) && !seen.add(attribute.getValue())) {
                    throw new InvalidSamlRequest("two elements have the same ID");
                }
            }
        }
    }

    private static String algorithm(Element parent, String child) {
        List<Element> found = children(parent, DSIG, child);
        return found.size() == 1 ? found.getFirst().getAttribute("Algorithm") : null;
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null
                    || (localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())))) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element root, String namespace, String localName) {
        return descendantsAndSelf(root).stream().filter(e -> e != root && localName.equals(e.getLocalName())
                && namespace.equals(e.getNamespaceURI())).toList();
    }

    private static List<Element> descendantsAndSelf(Element root) {
        List<Element> all = new ArrayList<>();
        ArrayList<Element> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Element e = stack.removeLast();
            all.add(e);
            stack.addAll(children(e, null, null));
        }
        return all;
    }
}
