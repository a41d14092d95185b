package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.AuthorizationResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one script of the form_post and web_message response pages, served from the issuer's origin
 * (the gateway routes {@code /realms/**} here) so those pages allow no other script. The same file
 * for every realm.
 */
@Path("/realms/{realm}/" + AuthorizationResponses.SCRIPT_PATH)
public class AuthorizationResponseScriptResource {
    private static final String SCRIPT = load();

    @GET
    public Response script() {
        return Response.ok(SCRIPT)
                .type("text/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String load() {
        try (InputStream in = AuthorizationResponseScriptResource.class
                .getResourceAsStream("/assets/authorization-response.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
