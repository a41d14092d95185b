package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.LoginFlowState;
import dev.arbor.federation.domain.ProtocolAdapter;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolRequest;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.ConsentGrantStore;
import dev.arbor.federation.port.LoginFlowStore;
import dev.arbor.federation.protocol.oidc.EssentialAcr;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Between authentication and the code: the user must consent when the client requires it or the
 * request says {@code prompt=consent} (OIDC Core §3.1.2.1). A remembered, unexpired grant of the
 * user to the client that covers every requested scope answers for the user, except under
 * {@code prompt=consent}, which always asks. When the user would have to be asked but the request
 * is {@code prompt=none}, the answer is {@code consent_required} (§3.1.2.6). Otherwise the flow waits
 * in {@code AWAITING_CONSENT} for that user and the browser goes to the consent page; the decision
 * comes back through {@link ConsentEndpoint} and the resumption.
 *
 * <p>Before anything, an essential {@code acr} (OIDC Core §5.5.1.1) must be met by the session;
 * otherwise the flow fails with {@code unmet_authentication_requirements}.
 */
@ApplicationScoped
public class ConsentCheck {
    private final ClientRepository clients;
    private final ConsentGrantStore grants;
    private final LoginFlowStore flows;
    private final LoginCompletion completion;
    private final RealmUrls urls;
    private final Clock clock;
    private final Duration flowTtl;

    public ConsentCheck(ClientRepository clients, ConsentGrantStore grants, LoginFlowStore flows,
                        LoginCompletion completion, RealmUrls urls, Clock clock, ArborConfig config) {
        this.clients = clients;
        this.grants = grants;
        this.flows = flows;
        this.completion = completion;
        this.urls = urls;
        this.clock = clock;
        this.flowTtl = config.federation().loginFlowTtl();
    }

    /** @param flow a flow not yet authenticated ({@code STARTED} or {@code AWAITING_AUTHENTICATION}) */
    public Uni<ProtocolResponse> proceed(LoginFlow flow, SsoSession session, ProtocolAdapter adapter) {
        ProtocolRequest request = flow.request();
        String issuer = urls.issuer(flow.realm());
        if (!EssentialAcr.isMetBy(request, session.acr())) {
            return Uni.createFrom().completionStage(() -> adapter.failedAsync(flow.realm(), request, issuer,
                    LoginCompletion.UNMET_ACR));
        }
        boolean prompted = isPromptConsent(request);
        return clients.findClient(flow.realm(), flow.clientId()).chain(client -> {
            boolean required = prompted || client.map(c -> c.authorizationPolicy().consentRequired()).orElse(false);
            if (!required) {
                return completion.complete(flow, session, adapter);
            }
            return remembered(flow, session, prompted).chain(covered -> {
                if (covered) {
                    return completion.complete(flow, session, adapter);
                }
                if (request.passive()) {
                    return Uni.createFrom().completionStage(() -> adapter.failedAsync(flow.realm(), request, issuer,
                            new ProtocolError(OAuth2Errors.CONSENT_REQUIRED, "the user has not consented to this client")));
                }
                LoginFlow waiting = flow.moveTo(LoginFlowState.AUTHENTICATED).awaitConsentOf(session.subject());
                return flows.save(waiting, flowTtl).map(v -> new ProtocolResponse.Redirect(
                        urls.consentPage(flow.realm(), flow.id(), request.parameter("ui_locales"))));
            });
        });
    }

    /** OIDC Core §3.1.2.1 — prompt=consent: ask even when a grant is remembered. */
    static boolean isPromptConsent(ProtocolRequest request) {
        return Scopes.parse(request.parameter("prompt")).contains("consent");
    }

    private Uni<Boolean> remembered(LoginFlow flow, SsoSession session, boolean prompted) {
        if (prompted) {
            return Uni.createFrom().item(false);
        }
        List<String> scopes = Scopes.parse(flow.request().parameter("scope"));
        return grants.find(flow.realm(), session.subject(), flow.clientId())
                .map(grant -> grant.filter(g -> g.covers(scopes, clock.instant())).isPresent());
    }
}
