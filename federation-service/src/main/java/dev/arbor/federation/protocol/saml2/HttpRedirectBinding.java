package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;
import java.io.ByteArrayOutputStream;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.interfaces.ECKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.signature.SignableXMLObject;

/**
 * SAML Bindings §3.4 — HTTP-Redirect: the message is DEFLATEd (RFC 1951, raw), base64-encoded and
 * URL-encoded into {@code SAMLRequest}; a signature, if any, is detached into {@code SigAlg} and
 * {@code Signature} and covers the query parameters exactly as they were URL-encoded by the sender
 * (§3.4.4.1), so the raw query is read, never a re-encoded one. Inflation stops at
 * {@link SamlXml#MAX_DOCUMENT_BYTES}: a few kilobytes of DEFLATE can expand to gigabytes.
 */
public final class HttpRedirectBinding {
    /** What the binding carries; each at most once (SAML Bindings §3.4.4.1). */
    private static final Set<String> SAML_PARAMETERS = Set.of("SAMLRequest", "SAMLResponse", "RelayState", "SigAlg",
            "Signature");

    /** SAML Bindings §3.4.3: a RelayState MUST NOT exceed 80 bytes. */
    public static final int MAX_RELAY_STATE_BYTES = 80;

    private HttpRedirectBinding() {
    }

    /** Decodes {@code SAMLRequest} (and its signature) from a raw, still URL-encoded query string. */
    public static ReceivedMessage decodeRequest(String rawQuery) {
        return decode(rawQuery, "SAMLRequest");
    }

    /** Decodes {@code SAMLResponse} (a LogoutResponse to a request this IdP sent) and its signature. */
    public static ReceivedMessage decodeResponse(String rawQuery) {
        return decode(rawQuery, "SAMLResponse");
    }

    /**
     * §3.4.4.1 — the URL that carries {@code message} to {@code location}: DEFLATE, base64, URL-encoding,
     * then {@code SigAlg} and a {@code Signature} over {@code SAMLRequest|SAMLResponse=..[&RelayState=..]&SigAlg=..}
     * made with OpenSAML's {@link XMLSigningUtil} (RSA-SHA256, ECDSA-SHA256 for an EC key). The message
     * itself carries no XML signature (§3.4.4.1 says it MUST be removed).
     *
     * @param parameter {@code SAMLRequest} or {@code SAMLResponse}
     */
    public static String encodeSigned(String location, XMLObject message, String parameter, String relayState,
                                      SamlKeyPair key) {
        if (message instanceof SignableXMLObject signable && signable.getSignature() != null) {
            throw new IllegalArgumentException("a redirect message is signed over the query, not in the XML");
        }
        String algorithm = key.privateKey() instanceof ECKey ? SignatureAlgorithms.ECDSA_SHA256
                : SignatureAlgorithms.RSA_SHA256;
        StringBuilder query = new StringBuilder(parameter).append('=').append(urlEncode(Base64.getEncoder()
                .encodeToString(deflate(SamlXml.serialize(message).getBytes(StandardCharsets.UTF_8)))));
        if (relayState != null) {
            query.append("&RelayState=").append(urlEncode(relayState));
        }
        query.append("&SigAlg=").append(urlEncode(algorithm));
        byte[] signature;
        try {
            signature = XMLSigningUtil.signWithURI(new BasicX509Credential(key.certificate(), key.privateKey()),
                    algorithm, query.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (SecurityException e) {
            throw new IllegalStateException("signing the redirect query failed", e);
        }
        query.append("&Signature=").append(urlEncode(Base64.getEncoder().encodeToString(signature)));
        return location + (location.contains("?") ? "&" : "?") + query;
    }

    private static ReceivedMessage decode(String rawQuery, String parameter) {
        Map<String, String> raw = rawParameters(rawQuery, SAML_PARAMETERS);
        String request = raw.get(parameter);
        if (request == null) {
            throw new InvalidSamlRequest("the query has no " + parameter);
        }
        String relayState = raw.containsKey("RelayState") ? urlDecode(raw.get("RelayState")) : null;
        checkRelayState(relayState);
        byte[] xml = inflate(base64(urlDecode(request), parameter));
        ReceivedMessage.DetachedSignature signature = null;
        if (raw.containsKey("Signature") || raw.containsKey("SigAlg")) {
            String sigAlg = raw.get("SigAlg");
            String value = raw.get("Signature");
            if (sigAlg == null || value == null) {
                throw new InvalidSamlRequest("SigAlg and Signature must be sent together");
            }
            // §3.4.4.1: SAMLRequest=value&RelayState=value&SigAlg=value, values as they appear in the query
            StringBuilder octets = new StringBuilder(parameter).append('=').append(request);
            if (raw.containsKey("RelayState")) {
                octets.append("&RelayState=").append(raw.get("RelayState"));
            }
            octets.append("&SigAlg=").append(sigAlg);
            signature = new ReceivedMessage.DetachedSignature(urlDecode(sigAlg), base64(urlDecode(value), "Signature"),
                    octets.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return new ReceivedMessage(SamlBinding.HTTP_REDIRECT, xml, relayState, signature);
    }

    /** §3.4.3: at most 80 bytes, so an SP cannot carry state of any size through this IdP. */
    static void checkRelayState(String relayState) {
        if (relayState != null && relayState.getBytes(StandardCharsets.UTF_8).length > MAX_RELAY_STATE_BYTES) {
            throw new InvalidSamlRequest("RelayState is longer than 80 bytes");
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Raw DEFLATE, refused once the output would exceed {@link SamlXml#MAX_DOCUMENT_BYTES} (a zip bomb). */
    static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new InvalidSamlRequest("SAMLRequest is not complete DEFLATE data");
                }
                if (out.size() + n > SamlXml.MAX_DOCUMENT_BYTES) {
                    throw new InvalidSamlRequest("SAMLRequest inflates beyond " + SamlXml.MAX_DOCUMENT_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new InvalidSamlRequest("SAMLRequest is not DEFLATE data");
        } finally {
            inflater.end();
        }
    }

    static byte[] base64(String value, String name) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSamlRequest(name + " is not base64");
        }
    }

    /**
     * The query's parameters, names decoded and values still URL-encoded (a signature covers them as
     * sent); one of {@code once} given twice is refused, any other repeat keeps the last value.
     */
    static Map<String, String> rawParameters(String rawQuery, Set<String> once) {
        Map<String, String> raw = new HashMap<>();
        for (String pair : (rawQuery == null ? "" : rawQuery).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = urlDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (raw.put(name, value) != null && once.contains(name)) {
                throw new InvalidSamlRequest("the query repeats " + name);
            }
        }
        return raw;
    }

    static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidSamlRequest("the query is not URL-encoded correctly");
        }
    }
}
