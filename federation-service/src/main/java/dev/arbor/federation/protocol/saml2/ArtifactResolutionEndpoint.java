package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.config.SamlSsoConfig;
import dev.arbor.federation.domain.saml2.ArtifactMessage;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.AssertionReplayCache;
import dev.arbor.federation.port.SamlArtifactStore;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.ArtifactResolve;
import org.opensaml.saml.saml2.core.ArtifactResponse;

/**
 * SAML Core §3.5 and Bindings §3.6.5 — the ArtifactResolutionService ({@code POST {issuer}/saml2/artifact},
 * SOAP 1.1, Bindings §3.2): an SP turns an artifact it received at its ACS into the Response it stands for.
 *
 * <ol>
 *   <li>Not a SOAP envelope with one ArtifactResolve in its Body (or a DOCTYPE, or deceptively shaped):
 *       a SOAP Client fault.</li>
 *   <li>Not authenticated ({@link ArtifactResolveCheck}: unknown Issuer, unsigned or badly signed, stale,
 *       wrong Destination, ID seen before): an ArtifactResponse with status Requester/RequestDenied and no
 *       message; no artifact is looked up, so none is used up.</li>
 *   <li>Otherwise §3.5.3: the message, if the artifact is this realm's (SourceID), still valid, and was
 *       issued to this SP; it is removed as it is returned (one-time use). In every other case an empty
 *       response: status Success, no message. A message issued to another SP is not found, and stays
 *       resolvable by the SP it was issued to.</li>
 * </ol>
 * The ArtifactResponse has InResponseTo = the ArtifactResolve's ID, Issuer = the realm's issuer, and is
 * signed with the realm's key (§3.5.2 SHOULD); the Response inside is the one the POST binding would have
 * carried, signatures and encryption untouched.
 */
@ApplicationScoped
public class ArtifactResolutionEndpoint {
    private static final Logger LOG = Logger.getLogger(ArtifactResolutionEndpoint.class);

    /** What goes on the wire: an HTTP status and a SOAP envelope. */
    public record Answer(int status, String envelope) {
    }

    private final ServiceProviderRegistry registry;
    private final SamlCredentials credentials;
    private final SamlArtifactStore store;
    private final AssertionReplayCache replays;
    private final RealmUrls urls;
    private final Clock clock;
    private final ArtifactResolveCheck check;

    public ArtifactResolutionEndpoint(ServiceProviderRegistry registry, SamlCredentials credentials,
                                      SamlArtifactStore store, AssertionReplayCache replays, RealmUrls urls,
                                      Clock clock, SamlSsoConfig config) {
        this.registry = registry;
        this.credentials = credentials;
        this.store = store;
        this.replays = replays;
        this.urls = urls;
        this.clock = clock;
        this.check = new ArtifactResolveCheck(config.clockSkew());
    }

    public Uni<Answer> resolve(String realm, byte[] body) {
        ArtifactResolve request;
        String entityId;
        try {
            request = SoapBinding.unwrap(body, ArtifactResolve.class);
        } catch (SoapBinding.SoapFault e) {
            LOG.infof("SOAP request to the artifact resolution service of realm %s refused: %s", realm, e.getMessage());
            // HTTP 400, not SOAP 1.1 §6.2's 500: a 500 says the server failed, and bad input is the sender's fault
            return Uni.createFrom().item(new Answer(400, SoapBinding.fault(e.code(), e.getMessage())));
        }
        String inResponseTo = ArtifactResolveCheck.idOrNull(request);
        try {
            entityId = ArtifactResolveCheck.issuer(request);
        } catch (InvalidSamlRequest e) {
            return refused(realm, inResponseTo, e);
        }
        return registry.find(realm, entityId).chain(found -> {
            if (found.isEmpty()) {
                return refused(realm, inResponseTo, new InvalidSamlRequest("the Issuer is not a registered SP"));
            }
            ServiceProvider sp = found.get();
            Instant rememberUntil;
            try {
                rememberUntil = check.check(body, request, sp, urls.endpoint(realm, "saml2/artifact"), clock.instant());
            } catch (InvalidSamlRequest e) {
                return refused(realm, inResponseTo, e);
            }
            // SAML Core §1.3.4: IDs are unique across every message an SP sends, so the AuthnRequest key space serves
            return replays.firstUse(realm, AuthnRequestReplayGuard.KEY_SPACE + sp.entityId(), request.getID(),
                    rememberUntil).chain(first -> first ? message(realm, sp, request.getArtifact().getValue())
                            .chain(message -> answer(realm, inResponseTo, SamlStatus.success(), message))
                    : refused(realm, inResponseTo, new InvalidSamlRequest("the ArtifactResolve ID was already used")));
        });
    }

    /** §3.5.3: the message this artifact stands for, if it is this realm's and was issued to {@code sp}; used up. */
    private Uni<Optional<ArtifactMessage>> message(String realm, ServiceProvider sp, String value) {
        String issuer = urls.issuer(realm);
        Optional<SamlArtifact> artifact = SamlArtifact.decode(value)
                .filter(a -> a.endpointIndex() == SamlArtifact.RESOLUTION_SERVICE_INDEX && a.isFrom(issuer));
        if (artifact.isEmpty()) {
            LOG.infof("artifact of realm %s asked by %s is not one of this realm's", realm, sp.entityId());
            return Uni.createFrom().item(Optional.empty());
        }
        return store.take(issuer, sp.entityId(), artifact.get().messageHandle())
                .map(taken -> taken.filter(m -> m.resolvableBy(issuer, sp.entityId(), clock.instant())));
    }

    private Uni<Answer> refused(String realm, String inResponseTo, InvalidSamlRequest e) {
        LOG.infof("ArtifactResolve refused in realm %s: %s", realm, e.getMessage());
        return answer(realm, inResponseTo, SamlStatus.requester(SamlStatus.REQUEST_DENIED,
                "the ArtifactResolve cannot be accepted: " + e.getMessage()), Optional.empty());
    }

    private Uni<Answer> answer(String realm, String inResponseTo, SamlStatus status, Optional<ArtifactMessage> message) {
        return credentials.signing(realm).map(key -> {
            ArtifactResponse response = SamlResponseBuilder.build(ArtifactResponse.DEFAULT_ELEMENT_NAME);
            response.setID(SamlIds.newId());
            response.setVersion(SAMLVersion.VERSION_20);
            response.setIssueInstant(clock.instant());
            response.setInResponseTo(inResponseTo);
            response.setIssuer(SamlResponseBuilder.issuer(urls.issuer(realm)));
            response.setStatus(SamlResponseBuilder.status(status));
            // parsed back as stored, so it travels byte for byte as signed (the DOM is adopted, not rebuilt)
            message.ifPresent(m -> response.setMessage((SAMLObject) SamlXml.unmarshall(
                    m.xml().getBytes(StandardCharsets.UTF_8))));
            SamlResponseProtector.sign(response, key);
            return new Answer(200, SoapBinding.wrap(response));
        });
    }
}
