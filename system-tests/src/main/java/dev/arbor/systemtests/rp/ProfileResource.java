package dev.arbor.systemtests.rp;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The relying party of the system tests: a page protected by quarkus-oidc in web-app mode. Reaching
 * it means quarkus-oidc ran the code flow against Arbor and accepted the ID token, whose signature it
 * checked against Arbor's JWKS. It shows who logged in and who issued the token.
 */
@Path("/rp/profile")
@Authenticated
public class ProfileResource {
    @Inject
    @IdToken
    JsonWebToken idToken;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String profile() {
        return """
                <!doctype html><html lang="en"><head><title>RP profile</title></head><body>
                <p>Signed in as <span id="rp-name">%s</span> (<span id="rp-sub">%s</span>)</p>
                <p>Issuer <span id="rp-iss">%s</span></p>
                </body></html>
                """.formatted(escape(idToken.getClaim("name")), escape(idToken.getSubject()), escape(idToken.getIssuer()));
    }

    private static String escape(Object value) {
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
