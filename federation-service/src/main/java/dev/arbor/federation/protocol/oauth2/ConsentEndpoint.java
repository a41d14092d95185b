package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ConsentGrant;
import dev.arbor.federation.domain.FlowIds;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.LoginFlowState;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.ConsentGrantStore;
import dev.arbor.federation.port.LoginFlowStore;
import dev.arbor.federation.port.SessionGateway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * What the consent page reads and decides (docs/guides/consent.md). Only a flow waiting for consent
 * ({@code AWAITING_CONSENT}) is shown or decided, and only to the browser whose SSO session is of the
 * user the flow waits for. A flow is decided once: of any number of concurrent decisions on any
 * replicas, one wins ({@link LoginFlowStore#claimStep}); the others are {@link Refusal#ALREADY_DECIDED}.
 * "Allow" with "remember" stores a {@link ConsentGrant} for {@code arbor.federation.consent-lifetime};
 * either way the browser is then sent to the resumption, which issues the code or returns
 * {@code access_denied}, in the client's response mode.
 */
@ApplicationScoped
public class ConsentEndpoint {
    private static final String DECISION_STEP = "consent";

    private final LoginFlowStore flows;
    private final SessionGateway sessions;
    private final ClientRepository clients;
    private final ConsentGrantStore grants;
    private final RealmUrls urls;
    private final Clock clock;
    private final Duration flowTtl;
    private final Duration consentLifetime;

    public ConsentEndpoint(LoginFlowStore flows, SessionGateway sessions, ClientRepository clients,
                           ConsentGrantStore grants, RealmUrls urls, Clock clock, ArborConfig config) {
        this.flows = flows;
        this.sessions = sessions;
        this.clients = clients;
        this.grants = grants;
        this.urls = urls;
        this.clock = clock;
        this.flowTtl = config.federation().loginFlowTtl();
        this.consentLifetime = config.federation().consentLifetime();
    }

    /** Why a request about a flow's consent is refused. */
    public enum Refusal {
        /** No such flow in this realm, or it does not wait for consent. */
        UNKNOWN_FLOW,
        /** The browser's session is missing, ended, or of another user. */
        NOT_YOURS,
        /** The flow was already decided. */
        ALREADY_DECIDED
    }

    public sealed interface Outcome {
    }

    /** What the page shows: the client and the scopes it asks for. */
    public record Page(String clientId, String clientName, List<ScopeDescriptions.Described> scopes,
                       long rememberDays) implements Outcome {
    }

    /** Decided: the browser goes to {@code location} (the resumption). */
    public record Decided(String location) implements Outcome {
    }

    public record Refused(Refusal reason) implements Outcome, Check {
    }

    public Uni<Outcome> show(String realm, String flowId, String sessionId) {
        return waiting(realm, flowId, sessionId).chain(found -> {
            if (found instanceof Refused refused) {
                return Uni.createFrom().item((Outcome) refused);
            }
            LoginFlow flow = ((Waiting) found).flow();
            return clients.findClient(realm, flow.clientId()).map(client -> (Outcome) new Page(flow.clientId(),
                    client.map(Client::name).filter(n -> n != null && !n.isBlank()).orElse(flow.clientId()),
                    ScopeDescriptions.describe(scopes(flow)), consentLifetime.toDays()));
        });
    }

    public Uni<Outcome> decide(String realm, String flowId, String sessionId, boolean allow, boolean remember) {
        return waiting(realm, flowId, sessionId).chain(found -> {
            if (found instanceof Refused refused) {
                return Uni.createFrom().item((Outcome) refused);
            }
            Waiting waiting = (Waiting) found;
            return flows.claimStep(flowId, DECISION_STEP, flowTtl).chain(first -> {
                if (!first) {
                    return Uni.createFrom().item(new Refused(Refusal.ALREADY_DECIDED));
                }
                LoginFlow flow = waiting.flow();
                Uni<Void> recorded = allow && remember ? grants.remember(grant(flow, waiting.session()))
                        : Uni.createFrom().voidItem();
                LoginFlow decided = flow.moveTo(allow ? LoginFlowState.CONSENT_GIVEN : LoginFlowState.CONSENT_REFUSED);
                return recorded.chain(() -> flows.save(decided, flowTtl))
                        .map(v -> (Outcome) new Decided(urls.resumeUrl(realm, flowId)));
            });
        });
    }

    /** A flow's consent may be shown or decided ({@link Waiting}), or not ({@link Refused}). */
    private interface Check {
    }

    private record Waiting(LoginFlow flow, SsoSession session) implements Check {
    }

    private Uni<Check> waiting(String realm, String flowId, String sessionId) {
        if (!FlowIds.isWellFormed(flowId)) {
            return refused(Refusal.UNKNOWN_FLOW);
        }
        return flows.find(flowId).chain(found -> {
            if (found.isEmpty() || !found.get().realm().equals(realm)) {
                return refused(Refusal.UNKNOWN_FLOW);
            }
            LoginFlow flow = found.get();
            if (flow.state() == LoginFlowState.CONSENT_GIVEN || flow.state() == LoginFlowState.CONSENT_REFUSED) {
                return refused(Refusal.ALREADY_DECIDED);
            }
            if (flow.state() != LoginFlowState.AWAITING_CONSENT) {
                return refused(Refusal.UNKNOWN_FLOW);
            }
            if (sessionId == null || sessionId.isEmpty()) {
                return refused(Refusal.NOT_YOURS);
            }
            long now = clock.instant().getEpochSecond();
            return sessions.find(realm, sessionId).map(session -> session
                    .filter(s -> s.isActiveAt(now) && s.subject().equals(flow.subject()))
                    .<Check>map(s -> new Waiting(flow, s))
                    .orElseGet(() -> new Refused(Refusal.NOT_YOURS)));
        });
    }

    private ConsentGrant grant(LoginFlow flow, SsoSession session) {
        Instant now = clock.instant();
        return new ConsentGrant(flow.realm(), session.subject(), flow.clientId(), new HashSet<>(scopes(flow)), now,
                now.plus(consentLifetime));
    }

    private static List<String> scopes(LoginFlow flow) {
        return Scopes.parse(flow.request().parameter("scope"));
    }

    private static Uni<Check> refused(Refusal reason) {
        return Uni.createFrom().item(new Refused(reason));
    }
}
