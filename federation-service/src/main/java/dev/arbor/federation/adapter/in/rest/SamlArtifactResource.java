package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.saml2.ArtifactResolutionEndpoint;
import dev.arbor.federation.protocol.saml2.SoapBinding;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.opensaml.soap.soap11.FaultCode;

/**
 * SAML Bindings §3.2 (SOAP 1.1 over HTTP, {@code text/xml}) — the realm's ArtifactResolutionService,
 * index 0 in its metadata. Every answer is a SOAP envelope, never cached.
 */
@Path("/realms/{realm}/saml2/artifact")
public class SamlArtifactResource {
    private static final MediaType SOAP11 = MediaType.TEXT_XML_TYPE.withCharset("UTF-8");

    private final RealmGuard realms;
    private final ArtifactResolutionEndpoint endpoint;

    public SamlArtifactResource(RealmGuard realms, ArtifactResolutionEndpoint endpoint) {
        this.realms = realms;
        this.endpoint = endpoint;
    }

    /** The body is read as bytes whatever its type, so a wrong one gets a SOAP fault, not a JAX-RS 415. */
    @POST
    public Uni<Response> resolve(@PathParam("realm") String realm,
                                 @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return realms.require(realm).map(v -> isXml(contentType)).chain(xml -> xml
                ? endpoint.resolve(realm, body == null ? new byte[0] : body)
                : Uni.createFrom().item(new ArtifactResolutionEndpoint.Answer(400,
                        SoapBinding.fault(FaultCode.CLIENT, "a SOAP 1.1 request is text/xml"))))
                .map(answer -> Response.status(answer.status()).type(SOAP11).entity(answer.envelope())
                        .header("Cache-Control", "no-cache, no-store")
                        .header("Pragma", "no-cache")
                        .build());
    }

    private static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/xml");
    }
}
