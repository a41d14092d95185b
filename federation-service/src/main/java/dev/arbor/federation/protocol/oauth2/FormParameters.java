package dev.arbor.federation.protocol.oauth2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RFC 6749 §3.2 (and RFC 7009 §2.1, RFC 7662 §2.1, which build on it): request parameters MUST NOT repeat. */
final class FormParameters {
    private FormParameters() {
    }

    /** @throws OAuth2Exception {@code invalid_request} when a parameter was sent more than once */
    static Map<String, String> single(Map<String, List<String>> form) {
        if (form.values().stream().anyMatch(v -> v.size() > 1)) {
            throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("a parameter was repeated");
        }
        Map<String, String> single = new HashMap<>();
        form.forEach((k, v) -> single.put(k, v.isEmpty() ? "" : v.getFirst()));
        return single;
    }
}
