package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlParticipant;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.port.SamlSessionParticipants;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * SAML Profiles §4.4.3.3 for a logout that did not start at an SP (OpenID Connect end_session, an
 * administrator, expiry): on {@code session.ended}, every SAML participant with a SOAP
 * SingleLogoutService gets a back-channel LogoutRequest. "replaced" is not a logout (the same login
 * goes on under a new id, like {@code BackchannelLogout}). The session's SAML record is its own
 * ({@link SamlSessionParticipants}), read and forgotten here, so the order against the OIDC
 * back-channel (which forgets {@code LogoutParticipants}) does not matter. A logout started at an SP
 * forgets the record before ending the session, so its participants are not called twice.
 * Front-channel-only SAML SPs are not told of such a logout (no browser is at hand).
 */
@ApplicationScoped
public class SamlBackchannelLogout {
    static final String REPLACED = "replaced";

    private final SamlSessionParticipants participants;
    private final ServiceProviderRegistry registry;
    private final SamlCredentials credentials;
    private final SamlSoapLogout soap;
    private final RealmUrls urls;

    public SamlBackchannelLogout(SamlSessionParticipants participants, ServiceProviderRegistry registry,
                                 SamlCredentials credentials, SamlSoapLogout soap, RealmUrls urls) {
        this.participants = participants;
        this.registry = registry;
        this.credentials = credentials;
        this.soap = soap;
        this.urls = urls;
    }

    /** Completes when every SOAP participant answered or failed. */
    public Uni<Void> sessionEnded(String realm, String sid, String reason) {
        if (REPLACED.equals(reason) || realm == null || realm.isEmpty() || sid == null || sid.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return participants.of(realm, sid)
                .call(all -> all.isEmpty() ? Uni.createFrom().voidItem() : participants.forget(realm, sid))
                .chain(all -> all.isEmpty() ? Uni.createFrom().voidItem() : tell(realm, all));
    }

    private Uni<Void> tell(String realm, List<SamlParticipant> all) {
        String issuer = urls.issuer(realm);
        return credentials.signing(realm).chain(key -> Multi.createFrom().iterable(all)
                .onItem().transformToUniAndConcatenate(p -> registry.find(realm, p.spEntityId())
                        .chain(sp -> sp.filter(SamlSoapLogout::reachable).isPresent()
                                ? soap.logout(issuer, sp.get(), p, key) : Uni.createFrom().item(true)))
                .collect().asList().replaceWithVoid());
    }
}
