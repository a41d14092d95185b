package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.config.SamlSsoConfig;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.saml2.ArtifactMessage;
import dev.arbor.federation.port.SamlArtifactStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.opensaml.saml.saml2.core.Response;

/**
 * SAML Bindings §3.6 — HTTP-Artifact, the sending side: the Response (signed and encrypted exactly as
 * the POST binding would carry it) is stored under a new artifact's MessageHandle for the SP it is
 * addressed to, for {@code arbor.saml.sso.artifact-lifetime}, and the browser is redirected (302) to
 * the ACS with {@code SAMLart} and the RelayState as received (§3.6.3, URL encoding). The SP resolves it
 * at {@link ArtifactResolutionEndpoint}.
 */
@ApplicationScoped
public class HttpArtifactBinding {
    private final SamlArtifactStore store;
    private final Clock clock;
    private final Duration lifetime;

    public HttpArtifactBinding(SamlArtifactStore store, Clock clock, SamlSsoConfig config) {
        this.store = store;
        this.clock = clock;
        this.lifetime = config.artifactLifetime();
    }

    /**
     * @param issuer     the realm's issuer (the IdP's entityID: the artifact's SourceID)
     * @param spEntityId the SP the Response is for: the only one that can resolve the artifact
     * @param acs        the SP's registered HTTP-Artifact ACS
     * @param relayState as the SP sent it, or null
     */
    public Uni<ProtocolResponse> send(String issuer, String spEntityId, String acs, String relayState,
                                      Response response) {
        SamlArtifact artifact = SamlArtifact.issue(issuer);
        ArtifactMessage message = new ArtifactMessage(issuer, spEntityId, SamlXml.serialize(response),
                clock.instant().plus(lifetime));
        return store.put(artifact.messageHandle(), message, lifetime)
                .map(v -> new ProtocolResponse.Found(location(acs, artifact, relayState)));
    }

    static String location(String acs, SamlArtifact artifact, String relayState) {
        StringBuilder url = new StringBuilder(acs).append(acs.contains("?") ? '&' : '?')
                .append("SAMLart=").append(encode(artifact.encode()));
        if (relayState != null) {
            url.append("&RelayState=").append(encode(relayState));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
