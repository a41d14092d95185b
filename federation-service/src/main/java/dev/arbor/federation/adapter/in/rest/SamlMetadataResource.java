package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import dev.arbor.federation.protocol.saml2.IdentityProviderMetadata;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * SAML Metadata §2.3.2 — the realm's IdP metadata, served as {@code application/samlmetadata+xml}
 * (SAML Metadata §4.1.1 well-known location is the SP's business; this is the URL an SP administrator
 * imports). {@code ?signed=true} returns it signed with the realm's current signing key. The realm's
 * keys are created on the first request. During a key rollover it lists the current key of each use
 * first, then the published (next) and previous ones (docs/guides/keys.md); it is read from the store
 * on every request, so every replica serves a rollover step at once.
 */
@Path("/realms/{realm}/saml2/metadata")
public class SamlMetadataResource {
    static final String MEDIA_TYPE = "application/samlmetadata+xml";

    private final RealmGuard realms;
    private final SamlCredentials credentials;
    private final RealmUrls urls;
    private final Clock clock;

    public SamlMetadataResource(RealmGuard realms, SamlCredentials credentials, RealmUrls urls, Clock clock) {
        this.realms = realms;
        this.credentials = credentials;
        this.urls = urls;
        this.clock = clock;
    }

    @GET
    public Uni<Response> metadata(@PathParam("realm") String realm, @QueryParam("signed") String signed) {
        boolean sign = "true".equalsIgnoreCase(signed) || "1".equals(signed);
        return realms.require(realm)
                .chain(v -> credentials.publishedSigning(realm))
                .chain(signing -> credentials.publishedEncryption(realm).map(encryption -> IdentityProviderMetadata.xml(
                        urls.issuer(realm), signing, encryption, clock.instant(), sign ? signing.getFirst() : null)))
                .map(xml -> Response.ok(xml).type(MEDIA_TYPE)
                        .header("Cache-Control", "public, max-age=" + IdentityProviderMetadata.CACHE_DURATION.toSeconds())
                        .build());
    }
}
