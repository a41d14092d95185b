package dev.arbor.federation.protocol;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.FlowIds;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.LoginFlowState;
import dev.arbor.federation.domain.ProtocolAdapter;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolRequest;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.port.LoginFlowStore;
import dev.arbor.federation.port.SessionGateway;
import dev.arbor.federation.protocol.oauth2.ConsentCheck;
import dev.arbor.federation.protocol.oauth2.OAuth2Errors;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The protocol-neutral start of a login, once a protocol adapter has a valid request: an SSO session
 * that satisfies it completes the flow at once (SSO is shared by every protocol); a passive request
 * without one fails ({@code login_required}, which each adapter renders in its own terms: OIDC
 * {@code login_required}, SAML {@code NoPassive}); otherwise the flow waits and the browser goes to
 * the login UI.
 */
@ApplicationScoped
public class LoginFlows {
    private final SessionGateway sessions;
    private final LoginFlowStore flows;
    private final ConsentCheck consent;
    private final RealmUrls urls;
    private final Clock clock;
    private final Duration flowTtl;

    public LoginFlows(SessionGateway sessions, LoginFlowStore flows, ConsentCheck consent, RealmUrls urls,
                      Clock clock, ArborConfig config) {
        this.sessions = sessions;
        this.flows = flows;
        this.consent = consent;
        this.urls = urls;
        this.clock = clock;
        this.flowTtl = config.federation().loginFlowTtl();
    }

    /**
     * @param sessionId  the {@code arbor_session} cookie, or null
     * @param acceptable a protocol's further condition on the session (OIDC id_token_hint: the same user)
     */
    public Uni<ProtocolResponse> start(String realm, ProtocolAdapter adapter, ProtocolRequest request,
                                       String sessionId, Predicate<SsoSession> acceptable) {
        LoginFlow flow = LoginFlow.start(FlowIds.newId(), realm, adapter.protocol(), request, clock.instant());
        return usableSession(realm, sessionId, request).chain(found -> {
            Optional<SsoSession> session = found.filter(acceptable);
            if (session.isPresent()) {
                // consent first where the client asks for it (docs/guides/consent.md), then the adapter's answer
                return consent.proceed(flow, session.get(), adapter);
            }
            if (request.passive()) {
                // OIDC Core §3.1.2.6 prompt=none, SAML Core §3.4.1 IsPassive: no usable session
                return Uni.createFrom().completionStage(() -> adapter.failedAsync(realm, request, urls.issuer(realm),
                        new ProtocolError(OAuth2Errors.LOGIN_REQUIRED, "the user is not logged in")));
            }
            LoginFlow waiting = flow.moveTo(LoginFlowState.AWAITING_AUTHENTICATION);
            return flows.save(waiting, flowTtl).map(v -> new ProtocolResponse.Redirect(
                    urls.loginPage(realm, waiting.id(), request.parameter("ui_locales"))));
        });
    }

    private Uni<Optional<SsoSession>> usableSession(String realm, String sessionId, ProtocolRequest request) {
        if (sessionId == null || sessionId.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        long now = clock.instant().getEpochSecond();
        return sessions.find(realm, sessionId).map(found -> found
                .filter(s -> s.isActiveAt(now) && request.acceptsExistingSession(s.authTime(), now)));
    }
}
