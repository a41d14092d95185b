package dev.arbor.federation.protocol.saml2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.XMLConstants;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.w3c.dom.Element;

/**
 * The one way SAML XML enters and leaves federation-service. OpenSAML is initialised once; every
 * document is parsed by one hardened parser pool: a DOCTYPE is refused outright (so no external
 * entity, no entity expansion, no billion laughs: SAML never needs a DTD), secure processing is on,
 * XInclude is off. Comments are kept, so what was signed can be canonicalised as it was signed;
 * readers of text content must use the whole content, never the first text node (Duo's 2018
 * NameID comment attack). XML is only ever built through OpenSAML's object model and marshalled,
 * never concatenated (NCC's SAML XML injection).
 */
public final class SamlXml {
    /** Larger messages are refused before parsing (SAML messages and metadata are far smaller). */
    public static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    private static final ParserPool PARSERS = parserPool();

    private SamlXml() {
    }

    /** Initialises OpenSAML (once per JVM; about half a second) and returns the hardened parser pool. */
    public static ParserPool parsers() {
        return PARSERS;
    }

    /**
     * Parses and unmarshalls a document into OpenSAML's object model.
     *
     * @throws SamlXmlException when it is too large, not well-formed, has a DOCTYPE, or is not a SAML object
     */
    public static XMLObject unmarshall(byte[] document) {
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new SamlXmlException("the XML document is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        try {
            return XMLObjectSupport.unmarshallFromInputStream(PARSERS, new ByteArrayInputStream(document));
        } catch (XMLParserException e) {
            throw new SamlXmlException("the XML document cannot be parsed (a DOCTYPE is never accepted)");
        } catch (UnmarshallingException e) {
            throw new SamlXmlException("the XML document is not a SAML message or metadata this server reads");
        } catch (RuntimeException e) {
            // unknown root elements and the like surface as runtime exceptions of the object providers
            throw new SamlXmlException("the XML document is not a SAML message or metadata this server reads");
        }
    }

    /** Unmarshalls and checks the root's type. */
    public static <T extends XMLObject> T unmarshall(byte[] document, Class<T> type) {
        XMLObject object = unmarshall(document);
        if (!type.isInstance(object)) {
            throw new SamlXmlException("expected a " + type.getSimpleName() + " element");
        }
        return type.cast(object);
    }

    /** Marshalls (if not yet) and serialises as UTF-8 without reformatting (signatures stay valid). */
    public static String serialize(XMLObject object) {
        try {
            Element element = object.getDOM() != null ? object.getDOM() : XMLObjectSupport.marshall(object);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            net.shibboleth.utilities.java.support.xml.SerializeSupport.writeNode(element, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (MarshallingException e) {
            throw new IllegalStateException("a SAML object built here could not be marshalled", e);
        }
    }

    private static ParserPool parserPool() {
        try {
            InitializationService.initialize();
            BasicParserPool pool = new BasicParserPool();
            pool.setMaxPoolSize(50);
            pool.setNamespaceAware(true);
            pool.setIgnoreComments(false);
            pool.setExpandEntityReferences(false);
            pool.setXincludeAware(false);
            pool.setDTDValidating(false);
            pool.setBuilderFeatures(Map.of(
                    "http://apache.org/xml/features/disallow-doctype-decl", true,
                    "http://xml.org/sax/features/external-general-entities", false,
                    "http://xml.org/sax/features/external-parameter-entities", false,
                    "http://apache.org/xml/features/nonvalidating/load-external-dtd", false,
                    XMLConstants.FEATURE_SECURE_PROCESSING, true));
            pool.initialize();
            return pool;
        } catch (InitializationException | ComponentInitializationException e) {
            throw new IllegalStateException("OpenSAML could not be initialised", e);
        }
    }

    /** A document that is not acceptable SAML XML; the message is fit for the sender. */
    public static final class SamlXmlException extends RuntimeException {
        public SamlXmlException(String message) {
            super(message, null, false, false);
        }
    }
}
