package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.FlowIds;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.ProtocolAdapter;
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
 * The browser comes back from the login UI: the flow must exist in this realm and the SSO cookie
 * must name a live session that satisfies the flow (a forced login needs a session authenticated
 * after the flow began, OIDC Core §3.1.2.1 prompt=login). The flow is taken atomically, so it
 * completes at most once; without a usable session the browser goes back to the login page.
 */
@ApplicationScoped
public class AuthorizationResumption {
    private static final String UNKNOWN_FLOW = "This login is unknown, was already completed, or has expired.";

    private final LoginFlowStore flows;
    private final SessionGateway sessions;
    private final ProtocolAdapters adapters;
    private final LoginCompletion completion;
    private final RealmUrls urls;
    private final Clock clock;

    public AuthorizationResumption(LoginFlowStore flows, SessionGateway sessions, ProtocolAdapters adapters,
                                   LoginCompletion completion, RealmUrls urls, Clock clock) {
        this.flows = flows;
        this.sessions = sessions;
        this.adapters = adapters;
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
            return sessions.find(realm, sessionId == null ? "" : sessionId).chain(session -> {
                if (session.isEmpty() || !satisfies(flow, session.get())) {
                    return Uni.createFrom().item(new ProtocolResponse.Redirect(
                            urls.loginPage(realm, flowId, flow.request().parameter("ui_locales"))));
                }
                return flows.take(flowId).chain(taken -> taken.isEmpty()
                        ? page()
                        : completion.complete(taken.get(), session.get(), adapter.get()));
            });
        });
    }

    private boolean satisfies(LoginFlow flow, SsoSession session) {
        return session.isActiveAt(clock.instant().getEpochSecond())
                && flow.acceptsSessionAuthenticatedAt(session.authTime());
    }

    private static Uni<ProtocolResponse> page() {
        return Uni.createFrom().item(new ProtocolResponse.ErrorPage(400, UNKNOWN_FLOW));
    }
}
