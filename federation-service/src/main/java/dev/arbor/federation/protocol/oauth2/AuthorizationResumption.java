package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.FlowIds;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.LoginFlowState;
import dev.arbor.federation.domain.ProtocolAdapter;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.port.LoginFlowStore;
import dev.arbor.federation.port.SessionGateway;
import dev.arbor.federation.protocol.ProtocolAdapters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * The browser comes back from the login UI or the consent page. The flow must exist in this realm;
 * the flow is taken atomically before it ends, so it ends at most once.
 *
 * <ul>
 *   <li>Waiting for authentication: the SSO cookie must name a live session that satisfies the flow (a
 *       forced login needs a session authenticated after the flow began, OIDC Core §3.1.2.1
 *       prompt=login), else the browser goes back to the login page; then {@link ConsentCheck}.</li>
 *   <li>Consent given: the consenting user's session completes the flow (code issued).</li>
 *   <li>Consent refused: {@code access_denied} to the client (RFC 6749 §4.1.2.1).</li>
 *   <li>Still waiting for consent: back to the consent page, for the user it waits for.</li>
 * </ul>
 */
@ApplicationScoped
public class AuthorizationResumption {
    private static final String UNKNOWN_FLOW = "This login is unknown, was already completed, or has expired.";
    private static final ProtocolError REFUSED = new ProtocolError(OAuth2Errors.ACCESS_DENIED,
            "the user denied the request");

    private final LoginFlowStore flows;
    private final SessionGateway sessions;
    private final ProtocolAdapters adapters;
    private final ConsentCheck consent;
    private final LoginCompletion completion;
    private final RealmUrls urls;
    private final Clock clock;

    public AuthorizationResumption(LoginFlowStore flows, SessionGateway sessions, ProtocolAdapters adapters,
                                   ConsentCheck consent, LoginCompletion completion, RealmUrls urls, Clock clock) {
        this.flows = flows;
        this.sessions = sessions;
        this.adapters = adapters;
        this.consent = consent;
        this.completion = completion;
        this.urls = urls;
        this.clock = clock;
    }

    public Uni<ProtocolResponse> resume(String realm, String flowId, String sessionId) {
        if (!FlowIds.isWellFormed(flowId)) {
            return page();
        }
        return flows.find(flowId).chain(found -> {
            Optional<ProtocolAdapter> adapter = found.flatMap(f -> adapters.byProtocol(f.protocol()));
            if (found.isEmpty() || !found.get().realm().equals(realm) || adapter.isEmpty()) {
                return page();
            }
            LoginFlow flow = found.get();
            if (flow.state() == LoginFlowState.CONSENT_REFUSED) {
                return flows.take(flowId).chain(taken -> taken.filter(t -> t.state() == LoginFlowState.CONSENT_REFUSED)
                        .map(t -> Uni.createFrom().completionStage(
                                () -> adapter.get().failedAsync(realm, t.request(), urls.issuer(realm), REFUSED)))
                        .orElseGet(() -> Uni.createFrom().item(AuthorizationResumption.unknownFlow())));
            }
            return sessions.find(realm, sessionId == null ? "" : sessionId)
                    .chain(session -> resume(flow, session, adapter.get()));
        });
    }

    private Uni<ProtocolResponse> resume(LoginFlow flow, Optional<SsoSession> found, ProtocolAdapter adapter) {
        long now = clock.instant().getEpochSecond();
        // waiting for consent, the flow was already satisfied by this user's session (which may predate the
        // flow when it answered at the authorization endpoint): it only has to be the same user's, still live
        Optional<SsoSession> session = flow.state() == LoginFlowState.AWAITING_AUTHENTICATION
                ? found.filter(s -> s.isActiveAt(now) && flow.acceptsSessionAuthenticatedAt(s.authTime()))
                : found.filter(s -> s.isActiveAt(now));
        return switch (flow.state()) {
            case AWAITING_AUTHENTICATION -> session.isEmpty()
                    ? Uni.createFrom().item(new ProtocolResponse.Redirect(
                            urls.loginPage(flow.realm(), flow.id(), flow.request().parameter("ui_locales"))))
                    : take(flow, LoginFlowState.AWAITING_AUTHENTICATION)
                            .chain(taken -> taken.isEmpty() ? page() : consent.proceed(taken.get(), session.get(), adapter));
            case AWAITING_CONSENT -> ofSubject(flow, session)
                    ? Uni.createFrom().item(new ProtocolResponse.Redirect(
                            urls.consentPage(flow.realm(), flow.id(), flow.request().parameter("ui_locales"))))
                    : page();
            case CONSENT_GIVEN -> !ofSubject(flow, session) ? page()
                    : take(flow, LoginFlowState.CONSENT_GIVEN)
                            .chain(taken -> taken.isEmpty() ? page() : completion.complete(taken.get(), session.get(), adapter));
            default -> page();
        };
    }

    /** The flow, taken if it is still in {@code state}; empty when another request took it first. */
    private Uni<Optional<LoginFlow>> take(LoginFlow flow, LoginFlowState state) {
        return flows.take(flow.id()).map(taken -> taken.filter(t -> t.state() == state));
    }

    /** Only the user the flow waits for may see or finish its consent. */
    private static boolean ofSubject(LoginFlow flow, Optional<SsoSession> session) {
        return session.isPresent() && session.get().subject().equals(flow.subject());
    }

    private static Uni<ProtocolResponse> page() {
        return Uni.createFrom().item(unknownFlow());
    }

    private static ProtocolResponse unknownFlow() {
        return new ProtocolResponse.ErrorPage(400, UNKNOWN_FLOW);
    }
}
