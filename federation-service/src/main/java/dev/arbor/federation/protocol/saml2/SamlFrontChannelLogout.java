package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.port.SamlSessionParticipants;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * SAML Profiles §4.4.3.3 for a logout started by OpenID Connect {@code end_session}: each SAML participant
 * of the session with an HTTP-Redirect SingleLogoutService and no SOAP one (those are told by back channel
 * on {@code session.ended}) gets a signed LogoutRequest URL, loaded as an iframe of the signed-out page like
 * a Front-Channel Logout URI. Nothing waits for the SP's LogoutResponse (it comes back to
 * {@code /saml2/slo} inside the frame without a RelayState and is not acted on). HTTP-POST-only SPs cannot
 * be told this way. The record is left for {@link SamlBackchannelLogout}, which forgets it.
 */
@ApplicationScoped
public class SamlFrontChannelLogout {
    private final SamlSessionParticipants participants;
    private final ServiceProviderRegistry registry;
    private final SamlCredentials credentials;
    private final RealmUrls urls;
    private final Clock clock;

    public SamlFrontChannelLogout(SamlSessionParticipants participants, ServiceProviderRegistry registry,
                                  SamlCredentials credentials, RealmUrls urls, Clock clock) {
        this.participants = participants;
        this.registry = registry;
        this.credentials = credentials;
        this.urls = urls;
        this.clock = clock;
    }

    /** The signed HTTP-Redirect LogoutRequest URLs, one per front-channel-only SAML participant of the session. */
    public Uni<List<String>> frames(String realm, String sid) {
        String issuer = urls.issuer(realm);
        return participants.of(realm, sid).chain(all -> all.isEmpty() ? Uni.createFrom().item(List.<String>of())
                : credentials.signing(realm).chain(key -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(p -> registry.find(realm, p.spEntityId()).map(sp -> sp
                                .filter(s -> !SamlSoapLogout.reachable(s))
                                .flatMap(s -> s.singleLogoutService(SamlBinding.HTTP_REDIRECT))
                                .map(endpoint -> HttpRedirectBinding.encodeSigned(endpoint.location(),
                                        LogoutMessages.request(issuer, endpoint.location(), p, clock.instant()),
                                        "SAMLRequest", null, key))
                                .orElse(null)))
                        .collect().asList()
                        .map(urls -> urls.stream().filter(Objects::nonNull).sorted().toList())));
    }
}
