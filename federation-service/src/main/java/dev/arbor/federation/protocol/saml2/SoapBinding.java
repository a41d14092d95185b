package dev.arbor.federation.protocol.saml2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.soap.soap11.Body;
import org.opensaml.soap.soap11.Envelope;
import org.opensaml.soap.soap11.Fault;
import org.opensaml.soap.soap11.FaultCode;
import org.opensaml.soap.soap11.FaultString;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * SAML Bindings §3.2 — the SAML SOAP binding over SOAP 1.1: a SOAP envelope whose Body holds exactly one
 * SAML message. Parsed by the one hardened parser ({@link SamlXml}: no DOCTYPE, 512 KiB); built with
 * OpenSAML's SOAP object model. Before a signature inside the message is checked, the whole envelope is
 * held to the rules {@link RequestSignatureVerifier} applies to the message: one {@code ds:Signature} at
 * most, a child of the message, and no two elements with the same ID anywhere in the envelope (so a copy
 * of the message hidden in a Header cannot be what the signature's Reference resolves to).
 */
public final class SoapBinding {
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private SoapBinding() {
    }

    /**
     * @return the one message in the Body, of {@code type}, its DOM still attached (to verify its signature)
     * @throws SoapFault when the body is not a SOAP 1.1 envelope holding one such message, or is shaped to deceive
     */
    public static <T extends SignableSAMLObject> T unwrap(byte[] body, Class<T> type) {
        XMLObject parsed;
        try {
            parsed = SamlXml.unmarshall(body);
        } catch (SamlXml.SamlXmlException e) {
            throw new SoapFault(FaultCode.CLIENT, e.getMessage());
        }
        if (!(parsed instanceof Envelope envelope) || envelope.getBody() == null) {
            throw new SoapFault(FaultCode.CLIENT, "not a SOAP 1.1 envelope with a Body");
        }
        if (envelope.getHeader() != null) {
            for (Element block : children(envelope.getHeader().getDOM())) {
                String mustUnderstand = block.getAttributeNS(SOAP11, "mustUnderstand");
                if ("1".equals(mustUnderstand) || "true".equals(mustUnderstand)) {
                    throw new SoapFault(FaultCode.MUST_UNDERSTAND, "no SOAP header block is understood here");
                }
            }
        }
        List<XMLObject> messages = envelope.getBody().getUnknownXMLObjects();
        if (messages.size() != 1 || !type.isInstance(messages.getFirst())
                || children(envelope.getBody().getDOM()).size() != 1) {
            throw new SoapFault(FaultCode.CLIENT, "the SOAP Body must hold exactly one " + type.getSimpleName());
        }
        T message = type.cast(messages.getFirst());
        checkShape(envelope.getDOM(), message.getDOM());
        return message;
    }

    /** The envelope of an answer; the message keeps its DOM (and so its signatures) as built. */
    public static String wrap(XMLObject message) {
        Envelope envelope = SamlResponseBuilder.build(Envelope.DEFAULT_ELEMENT_NAME);
        Body body = SamlResponseBuilder.build(Body.DEFAULT_ELEMENT_NAME);
        body.getUnknownXMLObjects().add(message);
        envelope.setBody(body);
        return SamlXml.serialize(envelope);
    }

    /** SOAP 1.1 §4.4 — a Fault envelope; {@code reason} names the rule broken, never internal detail. */
    public static String fault(QName code, String reason) {
        Fault fault = SamlResponseBuilder.build(Fault.DEFAULT_ELEMENT_NAME);
        FaultCode faultCode = SamlResponseBuilder.build(FaultCode.DEFAULT_ELEMENT_NAME);
        faultCode.setValue(code);
        fault.setCode(faultCode);
        FaultString faultString = SamlResponseBuilder.build(FaultString.DEFAULT_ELEMENT_NAME);
        faultString.setValue(reason);
        fault.setMessage(faultString);
        return wrap(fault);
    }

    private static void checkShape(Element envelope, Element message) {
        Set<String> ids = new HashSet<>();
        int signatures = 0;
        List<Element> stack = new ArrayList<>(List.of(envelope));
        while (!stack.isEmpty()) {
            Element element = stack.removeLast();
            if ("Signature".equals(element.getLocalName()) && DSIG.equals(element.getNamespaceURI())) {
                signatures++;
                if (element.getParentNode() != message) {
                    throw new SoapFault(FaultCode.CLIENT, "a Signature outside the SAML message");
                }
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                if (("ID".equals(name) || "Id".equals(name) || "id".equals(name)) && !ids.add(attribute.getValue())) {
                    throw new SoapFault(FaultCode.CLIENT, "two elements have the same ID");
                }
            }
            stack.addAll(children(element));
        }
        if (signatures > 1) {
            throw new SoapFault(FaultCode.CLIENT, "more than one Signature");
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    /** A request answered with a SOAP Fault; the message is fit for the sender. */
    public static final class SoapFault extends RuntimeException {
        private final QName code;

        SoapFault(QName code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public QName code() {
            return code;
        }
    }
}
