package dev.arbor.federation.protocol.oidc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** application/x-www-form-urlencoded encoding of one query value (RFC 6749 Appendix B). */
final class RealmUrlsCodec {
    private RealmUrlsCodec() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
