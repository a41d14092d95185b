package dev.arbor.federation.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How an authorization response reaches the client: OAuth 2.0 Multiple Response Type Encoding
 * Practices §2.1 ({@code query}, {@code fragment}), OAuth 2.0 Form Post Response Mode §2
 * ({@code form_post}) and {@code web_message} (a popup page that {@code postMessage}s the response to
 * its opener, restricted to the redirect URI's exact origin, RFC 9700 §4.17).
 */
public enum ResponseMode {
    QUERY("query"), FRAGMENT("fragment"), FORM_POST("form_post"), WEB_MESSAGE("web_message");

    public static final List<ResponseMode> ALL = List.of(values());

    private final String value;

    ResponseMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** "Not a mode this server knows" is empty, a normal answer. */
    public static Optional<ResponseMode> of(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ResponseMode::value).toList();
    }
}
