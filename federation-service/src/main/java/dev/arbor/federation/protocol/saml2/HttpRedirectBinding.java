package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * SAML Bindings §3.4 — HTTP-Redirect: the message is DEFLATEd (RFC 1951, raw), base64-encoded and
 * URL-encoded into {@code SAMLRequest}; a signature, if any, is detached into {@code SigAlg} and
 * {@code Signature} and covers the query parameters exactly as they were URL-encoded by the sender
 * (§3.4.4.1), so the raw query is read, never a re-encoded one. Inflation stops at
 * {@link SamlXml#MAX_DOCUMENT_BYTES}: a few kilobytes of DEFLATE can expand to gigabytes.
 */
public final class HttpRedirectBinding {
    /** SAML Bindings §3.4.3: a RelayState MUST NOT exceed 80 bytes. */
    public static final int MAX_RELAY_STATE_BYTES = 80;

    private HttpRedirectBinding() {
    }

    /** Decodes {@code SAMLRequest} (and its signature) from a raw, still URL-encoded query string. */
    public static ReceivedMessage decodeRequest(String rawQuery) {
        Map<String, String> raw = rawParameters(rawQuery == null ? "" : rawQuery);
        String request = raw.get("SAMLRequest");
        if (request == null) {
            throw new InvalidSamlRequest("the query has no SAMLRequest");
        }
        String relayState = raw.containsKey("RelayState") ? urlDecode(raw.get("RelayState")) : null;
        checkRelayState(relayState);
        byte[] xml = inflate(base64(urlDecode(request), "SAMLRequest"));
        ReceivedMessage.DetachedSignature signature = null;
        if (raw.containsKey("Signature") || raw.containsKey("SigAlg")) {
            String sigAlg = raw.get("SigAlg");
            String value = raw.get("Signature");
            if (sigAlg == null || value == null) {
                throw new InvalidSamlRequest("SigAlg and Signature must be sent together");
            }
            // §3.4.4.1: SAMLRequest=value&RelayState=value&SigAlg=value, values as they appear in the query
            StringBuilder octets = new StringBuilder("SAMLRequest=").append(request);
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

    /** Each parameter once; the values still URL-encoded. */
    private static Map<String, String> rawParameters(String rawQuery) {
        Map<String, String> raw = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = urlDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (raw.put(name, value) != null && isSamlParameter(name)) {
                throw new InvalidSamlRequest("the query repeats " + name);
            }
        }
        return raw;
    }

    private static boolean isSamlParameter(String name) {
        return name.equals("SAMLRequest") || name.equals("RelayState") || name.equals("SigAlg")
                || name.equals("Signature");
    }

    private static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidSamlRequest("the query is not URL-encoded correctly");
        }
    }
}
