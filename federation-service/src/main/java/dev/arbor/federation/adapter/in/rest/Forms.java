package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.OAuth2Errors;
import dev.arbor.federation.protocol.oauth2.OAuth2Exception;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of an OAuth endpoint (RFC 6749 §3.2, Appendix B; RFC 7009 §2.1; RFC 7662 §2.1): an
 * {@code application/x-www-form-urlencoded} form, as a map in which every value list is kept
 * (repeats are the endpoint's to refuse). Any other content type, or broken percent-encoding, is
 * {@code invalid_request}: the framework's own form reader would answer 415 or fail with a 500.
 */
final class Forms {
    static final String FORM = "application/x-www-form-urlencoded";

    private Forms() {
    }

    static Map<String, List<String>> parse(String contentType, byte[] body) {
        if (contentType == null || !FORM.equals(mediaType(contentType))) {
            throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST)
                    .withDescription("the body must be " + FORM);
        }
        Charset charset = charset(contentType);
        return decodePairs(body == null ? "" : new String(body, charset), charset);
    }

    /** A raw (still percent-encoded) query string, decoded the same way as a form body. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        return decodePairs(rawQuery == null ? "" : rawQuery, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> decodePairs(String text, Charset charset) {
        Map<String, List<String>> form = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** UTF-8 (Appendix B) unless the client names another charset it used for the escapes. */
    private static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] kv = parameter.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(kv[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("unknown charset");
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decode(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException e) {
            throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("the form body is malformed");
        }
    }
}
