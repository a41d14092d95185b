package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.FlowIds;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.LoginFlowState;
import dev.arbor.federation.domain.ProtocolAdapter;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolRequest;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.LoginFlowStore;
import dev.arbor.federation.port.SessionGateway;
import dev.arbor.federation.protocol.ProtocolAdapters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 6749 §3.1 / OIDC Core §3.1.2 — the authorization endpoint. The client and its redirect URI
 * are checked first and failures are shown to the user, never redirected (§4.1.2.1: an unchecked
 * redirect would make this server an open redirector). Every later error goes back to the client.
 * A valid request starts a {@link LoginFlow}; an SSO session that satisfies it completes the flow
 * at once, otherwise the browser goes to the login UI.
 */
@ApplicationScoped
public class AuthorizationEndpoint {
    private final ClientRepository clients;
    private final ProtocolAdapters adapters;
    private final SessionGateway sessions;
    private final LoginFlowStore flows;
    private final LoginCompletion completion;
    private final RealmUrls urls;
    private final Clock clock;
    private final Duration flowTtl;

    public AuthorizationEndpoint(ClientRepository clients, ProtocolAdapters adapters, SessionGateway sessions,
                                 LoginFlowStore flows, LoginCompletion completion, RealmUrls urls, Clock clock,
                                 ArborConfig config) {
        this.clients = clients;
        this.adapters = adapters;
        this.sessions = sessions;
        this.flows = flows;
        this.completion = completion;
        this.urls = urls;
        this.clock = clock;
        this.flowTtl = config.federation().loginFlowTtl();
    }

    /**
     * @param parameters the query (GET) or form (POST) parameters, every value of each
     * @param sessionId  the {@code arbor_session} cookie, or null
     */
    public Uni<ProtocolResponse> authorize(String realm, Map<String, List<String>> parameters, String sessionId) {
        Optional<String> clientId = single(parameters, "client_id");
        if (clientId.isEmpty()) {
            return page("The request does not name its client (client_id).");
        }
        return clients.findClient(realm, clientId.get()).chain(found -> {
            Optional<String> redirectUri = single(parameters, "redirect_uri");
            if (found.isEmpty()) {
                return page("The client is not registered.");
            }
            if (redirectUri.isEmpty() || !found.get().hasRedirectUri(redirectUri.get())) {
                return page("The redirect URI is not registered for this client.");
            }
            return authorizeFor(realm, found.get(), redirectUri.get(), parameters, sessionId);
        });
    }

    private Uni<ProtocolResponse> authorizeFor(String realm, Client client, String redirectUri,
                                               Map<String, List<String>> parameters, String sessionId) {
        String issuer = urls.issuer(realm);
        String state = parameters.getOrDefault("state", List.of()).stream().findFirst().orElse(null);
        if (parameters.values().stream().anyMatch(v -> v.size() > 1)) {
            // RFC 6749 §3.1: parameters MUST NOT be included more than once
            return Uni.createFrom().item(AuthorizationResponses.error(redirectUri,
                    new ProtocolError(OAuth2Errors.INVALID_REQUEST, "a parameter was repeated"), state, issuer));
        }
        Map<String, String> single = firstValues(parameters);
        Optional<ProtocolAdapters.Parsed> parsed = adapters.parse(single);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(AuthorizationResponses.error(redirectUri,
                    new ProtocolError(OAuth2Errors.INVALID_SCOPE, "the openid scope is required"), state, issuer));
        }
        ProtocolAdapter adapter = parsed.get().adapter();
        ProtocolRequest request = parsed.get().request();
        Optional<ProtocolError> invalid = adapter.validate(request, client);
        if (invalid.isPresent()) {
            return Uni.createFrom().item(adapter.failed(request, issuer, invalid.get()));
        }
        LoginFlow flow = LoginFlow.start(FlowIds.newId(), realm, adapter.protocol(), request, clock.instant());
        return usableSession(realm, sessionId, request).chain(session -> {
            if (session.isPresent()) {
                return completion.complete(flow, session.get(), adapter);
            }
            if (request.passive()) {
                // OIDC Core §3.1.2.6 — prompt=none and no usable session
                return Uni.createFrom().item(adapter.failed(request, issuer,
                        new ProtocolError(OAuth2Errors.LOGIN_REQUIRED, "the user is not logged in")));
            }
            LoginFlow waiting = flow.moveTo(LoginFlowState.AWAITING_AUTHENTICATION);
            return flows.save(waiting, flowTtl)
                    .map(v -> new ProtocolResponse.Redirect(urls.loginPage(realm, waiting.id())));
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

    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.size() == 1 && !values.getFirst().isEmpty() ? Optional.of(values.getFirst()) : Optional.empty();
    }

    private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
        Map<String, String> single = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (!values.isEmpty()) {
                single.put(name, values.getFirst());
            }
        });
        return single;
    }

    private static Uni<ProtocolResponse> page(String message) {
        return Uni.createFrom().item(new ProtocolResponse.ErrorPage(400, message));
    }
}
