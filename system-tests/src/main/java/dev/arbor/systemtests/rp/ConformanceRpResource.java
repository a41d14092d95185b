package dev.arbor.systemtests.rp;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.RefreshToken;
import io.quarkus.oidc.UserInfo;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The conformance relying party: quarkus-oidc in web-app mode (tenant {@code conformance}, see
 * {@link ConformanceTenantResolver}) with UserInfo required, refresh of tokens about to expire, and
 * RP-initiated logout. The profile page shows what came from the ID token, what came from UserInfo,
 * and a fingerprint of the tokens the RP holds now, so a test can tell that they were refreshed.
 */
@Path("/rp/full")
public class ConformanceRpResource {
    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    UserInfo userInfo;

    @Inject
    AccessTokenCredential accessToken;

    @Inject
    RefreshToken refreshToken;

    @GET
    @Path("/profile")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public String profile() {
        return """
                <!doctype html><html lang="en"><head><title>Conformance RP</title></head><body>
                <p>ID token: <span id="id-sub">%s</span> from <span id="id-iss">%s</span></p>
                <p>UserInfo: <span id="ui-sub">%s</span> <span id="ui-email">%s</span></p>
                <p>Access token <span id="at">%s</span>, refresh token <span id="rt">%s</span></p>
                </body></html>
                """.formatted(escape(idToken.getSubject()), escape(idToken.getIssuer()),
                escape(userInfo.getString("sub")), escape(userInfo.getString("email")),
                fingerprint(accessToken.getToken()), fingerprint(refreshToken.getToken()));
    }

    /** Where Arbor sends the browser back after logout (the registered post_logout_redirect_uri). */
    @GET
    @Path("/bye")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String bye() {
        return "<!doctype html><html lang=\"en\"><head><title>Signed out</title></head><body>"
                + "<p id=\"signed-out\">Signed out of the conformance RP</p></body></html>";
    }

    private static String fingerprint(String token) {
        if (token == null) {
            return "none";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(Object value) {
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
