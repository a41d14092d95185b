package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.domain.ProtocolResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Puts a {@link ProtocolResponse} on the wire: a 303 (RFC 9110 §15.4.4) or an HTML error page. */
final class ProtocolResponses {
    private ProtocolResponses() {
    }

    static Response toHttp(ProtocolResponse response) {
        return switch (response) {
            case ProtocolResponse.Redirect r -> Response.status(Response.Status.SEE_OTHER)
                    .header("Location", r.location())
                    .header("Cache-Control", "no-store")
                    .build();
            case ProtocolResponse.ErrorPage p -> Response.status(p.status())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store")
                    .entity(html(p.message()))
                    .build();
        };
    }

    private static String html(String message) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head>
                <body><h1>Sign-in error</h1><p>%s</p></body></html>
                """.formatted(escape(message));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
