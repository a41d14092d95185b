package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.OAuth2Exception;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 6749 §5.2 error response ({@code error}, {@code error_description}) with
 * {@code Cache-Control: no-store}; 401/403 carry the {@code WWW-Authenticate} challenge
 * (RFC 6749 §5.2 for Basic, RFC 6750 §3 for Bearer).
 */
@Provider
public class OAuth2ExceptionMapper implements ExceptionMapper<OAuth2Exception> {
    @Override
    public Response toResponse(OAuth2Exception e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        if (!e.description().isEmpty()) {
            body.put("error_description", e.description());
        }
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(body);
        e.challenge().ifPresent(c -> response.header("WWW-Authenticate", c));
        return response.build();
    }
}
