package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.config.SamlSsoConfig;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.SamlLogoutState;
import dev.arbor.federation.domain.saml2.SamlParticipant;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.AssertionReplayCache;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.port.SamlLogoutStates;
import dev.arbor.federation.port.SamlSessionParticipants;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.port.SessionGateway;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;

/**
 * SAML Profiles §4.4 — the IdP's SingleLogoutService ({@code /realms/{realm}/saml2/slo}), SP-initiated.
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> Refused: untrusted LogoutRequest (unknown SP, signature, Destination, IssueInstant, replay) — error page
 *   [*] --> Answered: NameID/SessionIndex match no session the SP was told of — Requester/UnknownPrincipal
 *   [*] --> Ended: matched — participants read and forgotten, EndSession(reason logout) → session.ended
 *   Ended --> Soap: SPs with only a SOAP endpoint, in parallel, awaited
 *   Soap --> Front: SPs with an HTTP-Redirect/POST endpoint, one after another through the browser
 *   Front --> Front: their signed LogoutResponse back here (RelayState = the state's id)
 *   Front --> Answered: none left — Success, or Success/PartialLogout when one failed
 * }</pre>
 *
 * The session is found from the browser's cookie when that session is the one the request names;
 * else (a cross-site POST withholds the SameSite=Lax cookie) from what was recorded when the SP was
 * given its assertion ({@link SamlSessionParticipants}): sid → subject → the subject's live sessions.
 */
@ApplicationScoped
public class SamlLogoutEndpoint {
    private static final Logger LOG = Logger.getLogger(SamlLogoutEndpoint.class);
    static final String REASON = "logout";
    /** How long a front-channel propagation may take before it is forgotten. */
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    /** A LogoutRequest names at most this many sessions that are looked at. */
    private static final int MAX_SESSIONS = 20;
    private static final String INVALID = "The SAML logout message cannot be used (Invalid Request).";
    static final String LOGGED_OUT = "You are signed out. The application has no address to be told at: "
            + "you may close this window.";

    private final ServiceProviderRegistry registry;
    private final SamlCredentials credentials;
    private final AuthnRequestReplayGuard replays;
    private final SamlSessionParticipants participants;
    private final SessionGateway sessions;
    private final SamlLogoutStates states;
    private final SamlSoapLogout soap;
    private final RealmUrls urls;
    private final Clock clock;
    private final LogoutMessageValidator validator;

    public SamlLogoutEndpoint(ServiceProviderRegistry registry, SamlCredentials credentials,
                              AssertionReplayCache cache, SamlSessionParticipants participants,
                              SessionGateway sessions, SamlLogoutStates states, SamlSoapLogout soap, RealmUrls urls,
                              Clock clock, SamlSsoConfig config) {
        this.registry = registry;
        this.credentials = credentials;
        this.replays = new AuthnRequestReplayGuard(cache);
        this.participants = participants;
        this.sessions = sessions;
        this.states = states;
        this.soap = soap;
        this.urls = urls;
        this.clock = clock;
        this.validator = new LogoutMessageValidator(config.clockSkew(), config.maxRequestAge());
    }

    /** SAML Core §3.7.1 — a LogoutRequest from an SP. */
    public Uni<ProtocolResponse> request(String realm, Supplier<ReceivedMessage> decode, String cookieSessionId) {
        ReceivedMessage message;
        LogoutRequest request;
        String entityId;
        try {
            message = decode.get();
            request = LogoutMessageValidator.parseRequest(message);
            entityId = LogoutMessageValidator.issuer(request);
        } catch (InvalidSamlRequest e) {
            return invalid(realm, e);
        }
        String issuer = urls.issuer(realm);
        return registry.find(realm, entityId).chain(found -> {
            if (found.isEmpty()) {
                return invalid(realm, new InvalidSamlRequest("the Issuer is not a registered SP"));
            }
            SamlLogoutRequest checked;
            try {
                checked = validator.check(message, request, found.get(), sloUrl(realm), clock.instant());
            } catch (InvalidSamlRequest e) {
                return invalid(realm, e);
            }
            return replays.firstUse(realm, checked.spEntityId(), checked.id(), checked.rememberUntil())
                    .chain(first -> !first
                            ? invalid(realm, new InvalidSamlRequest("the LogoutRequest ID was already used"))
                            : match(realm, checked, cookieSessionId, issuer)
                                    .chain(m -> logout(realm, checked, m, issuer)));
        });
    }

    /** SAML Core §3.7.2 — a participant's LogoutResponse to the request this IdP sent it. */
    public Uni<ProtocolResponse> response(String realm, Supplier<ReceivedMessage> decode) {
        ReceivedMessage message;
        LogoutResponse response;
        String entityId;
        try {
            message = decode.get();
            response = LogoutMessageValidator.parseResponse(message);
            entityId = LogoutMessageValidator.issuer(response);
            if (message.relayState() == null || message.relayState().isEmpty()) {
                throw new InvalidSamlRequest("a LogoutResponse must carry the RelayState it was sent with");
            }
        } catch (InvalidSamlRequest e) {
            return invalid(realm, e);
        }
        String stateId = message.relayState();
        return states.find(stateId).chain(state -> {
            if (state.isEmpty() || !state.get().realm().equals(realm) || state.get().outstandingSp() == null) {
                return invalid(realm, new InvalidSamlRequest("no logout of this realm awaits a LogoutResponse"));
            }
            if (!entityId.equals(state.get().outstandingSp())) {
                return invalid(realm, new InvalidSamlRequest("the LogoutResponse is not from the SP that was asked"));
            }
            return registry.find(realm, entityId).chain(sp -> {
                boolean success;
                try {
                    if (sp.isEmpty()) {
                        throw new InvalidSamlRequest("the SP is no longer registered");
                    }
                    success = validator.check(message, response, sp.get(), sloUrl(realm),
                            state.get().outstandingRequestId(), clock.instant());
                } catch (InvalidSamlRequest e) {
                    return invalid(realm, e); // the state stays: the genuine answer can still come
                }
                return replays.firstUse(realm, entityId, response.getID(),
                                validator.rememberUntil(response.getIssueInstant()))
                        .chain(first -> {
                            if (!first) {
                                return invalid(realm, new InvalidSamlRequest("the LogoutResponse ID was already used"));
                            }
                            soap.count("front", success);
                            return credentials.signing(realm).chain(key -> next(stateId,
                                    state.get().answered(success), key, urls.issuer(realm)));
                        });
            });
        });
    }

    /**
     * @param known        some recorded participation matched the request
     * @param participants per matched sid, every SAML participant of that session
     * @param live         the matched sessions that are still live
     */
    private record Match(boolean known, Map<String, List<SamlParticipant>> participants, List<SsoSession> live) {
    }

    private Uni<Match> match(String realm, SamlLogoutRequest request, String cookieSessionId, String issuer) {
        Uni<Optional<SsoSession>> browser = cookieSessionId == null || cookieSessionId.isBlank()
                ? Uni.createFrom().item(Optional.empty())
                : sessions.find(realm, cookieSessionId)
                        .map(s -> s.filter(live -> live.isActiveAt(clock.instant().getEpochSecond())));
        return browser.chain(session -> session.isEmpty() ? byName(realm, request, issuer)
                : participants.of(realm, session.get().sid()).chain(all -> all.stream()
                        .anyMatch(p -> request.names(p, issuer))
                        ? Uni.createFrom().item(new Match(true, Map.of(session.get().sid(), all), List.of(session.get())))
                        : byName(realm, request, issuer)));
    }

    /** The sessions the SessionIndexes (else the NameID) name, kept when the record matches; then the live ones. */
    private Uni<Match> byName(String realm, SamlLogoutRequest request, String issuer) {
        Uni<Set<String>> sids = request.sessionIndexes().isEmpty()
                ? participants.sessionsNamed(realm, request.spEntityId(), request.nameId())
                : Uni.createFrom().item(Set.copyOf(request.sessionIndexes()));
        return sids.chain(candidates -> Multi.createFrom()
                        .iterable(candidates.stream().sorted().limit(MAX_SESSIONS).toList())
                        .onItem().transformToUniAndConcatenate(sid -> participants.of(realm, sid)
                                .map(all -> Map.entry(sid, all)))
                        .collect().asList())
                .chain(entries -> {
                    Map<String, List<SamlParticipant>> matched = new LinkedHashMap<>();
                    Map<String, String> subjects = new LinkedHashMap<>();
                    for (var entry : entries) {
                        entry.getValue().stream().filter(p -> request.names(p, issuer)).findFirst().ifPresent(p -> {
                            matched.put(entry.getKey(), entry.getValue());
                            subjects.put(entry.getKey(), p.subject());
                        });
                    }
                    if (matched.isEmpty()) {
                        return Uni.createFrom().item(new Match(false, Map.of(), List.of()));
                    }
                    return Multi.createFrom().iterable(Set.copyOf(subjects.values()))
                            .onItem().transformToUniAndConcatenate(subject -> sessions.sessionsOf(realm, subject))
                            .collect().asList()
                            .map(lists -> lists.stream().flatMap(List::stream)
                                    .filter(s -> s.subject().equals(subjects.get(s.sid())))
                                    .filter(s -> s.isActiveAt(clock.instant().getEpochSecond())).toList())
                            .map(live -> new Match(true, matched, live));
                });
    }

    /**
     * SAML Core §3.7.3.2 — no recorded participation matches: UnknownPrincipal. Matched but the session
     * is already gone: Success (nothing is left to log out). Else participants are forgotten (so the
     * {@code session.ended} path does not call them again), the sessions ended, the others told.
     */
    private Uni<ProtocolResponse> logout(String realm, SamlLogoutRequest request, Match match, String issuer) {
        if (!match.known()) {
            LOG.infof("SAML LogoutRequest of SP %s in realm %s names no session it was told of", request.spEntityId(),
                    realm);
            return answer(realm, request.spEntityId(), request.binding(), request.id(), request.relayState(),
                    SamlStatus.requester(SamlStatus.UNKNOWN_PRINCIPAL, "no session of this principal is known"),
                    issuer);
        }
        Set<String> liveSids = match.live().stream().map(SsoSession::sid).collect(java.util.stream.Collectors.toSet());
        List<SamlParticipant> others = match.participants().entrySet().stream()
                .filter(e -> liveSids.contains(e.getKey())).flatMap(e -> e.getValue().stream())
                .filter(p -> !p.spEntityId().equals(request.spEntityId()))
                .sorted(Comparator.comparing(SamlParticipant::spEntityId).thenComparing(SamlParticipant::sid))
                .toList();
        Uni<Void> forgotten = Multi.createFrom().iterable(match.participants().keySet())
                .onItem().transformToUniAndConcatenate(sid -> participants.forget(realm, sid)).collect().last()
                .replaceWithVoid();
        Uni<Void> ended = Multi.createFrom().iterable(match.live())
                .onItem().transformToUniAndConcatenate(s -> sessions.end(realm, s.id(), REASON)).collect().last()
                .replaceWithVoid();
        return forgotten.chain(() -> ended).chain(() -> propagate(realm, request, others, issuer));
    }

    /** SAML Profiles §4.4.3.3: SOAP-only participants first (back channel), then the front-channel ones. */
    private Uni<ProtocolResponse> propagate(String realm, SamlLogoutRequest request, List<SamlParticipant> others,
                                            String issuer) {
        return Multi.createFrom().iterable(others)
                .onItem().transformToUniAndConcatenate(p -> registry.find(realm, p.spEntityId())
                        .map(sp -> Map.entry(p, sp)))
                .collect().asList()
                .chain(resolved -> credentials.signing(realm).chain(key -> {
                    List<Uni<Boolean>> backChannel = resolved.stream()
                            .filter(e -> e.getValue().filter(sp -> frontChannel(sp).isEmpty()
                                    && SamlSoapLogout.reachable(sp)).isPresent())
                            .map(e -> soap.logout(issuer, e.getValue().get(), e.getKey(), key)).toList();
                    List<SamlParticipant> front = resolved.stream()
                            .filter(e -> e.getValue().flatMap(SamlLogoutEndpoint::frontChannel).isPresent())
                            .map(Map.Entry::getKey).toList();
                    Uni<Boolean> anyFailed = backChannel.isEmpty() ? Uni.createFrom().item(false)
                            : Uni.join().all(backChannel).andCollectFailures()
                                    .map(results -> results.contains(Boolean.FALSE));
                    return anyFailed.chain(failed -> next(SamlIds.newId(), new SamlLogoutState(realm,
                            request.spEntityId(), request.id(), request.relayState(), request.binding(), front, null,
                            null, failed), key, issuer));
                }));
    }

    /** Visits the next front-channel participant, or answers the initiator when none is left. */
    private Uni<ProtocolResponse> next(String stateId, SamlLogoutState state, SamlKeyPair key, String issuer) {
        if (state.remaining().isEmpty()) {
            return states.delete(stateId).chain(() -> answer(state.realm(), state.initiator(), state.answerBinding(),
                    state.requestId(), state.relayState(),
                    state.failed() ? SamlStatus.partialLogout() : SamlStatus.success(), issuer));
        }
        SamlParticipant participant = state.remaining().getFirst();
        return registry.find(state.realm(), participant.spEntityId()).chain(sp -> {
            Optional<SamlEndpoint> endpoint = sp.flatMap(SamlLogoutEndpoint::frontChannel);
            if (endpoint.isEmpty()) {
                return next(stateId, state.skipFirst(false), key, issuer); // deleted or changed since
            }
            LogoutRequest request = LogoutMessages.request(issuer, endpoint.get().location(), participant,
                    clock.instant());
            return states.save(stateId, state.sentTo(participant.spEntityId(), request.getID()), STATE_LIFETIME)
                    .map(v -> LogoutMessages.deliver(request, true, endpoint.get(), endpoint.get().location(), stateId,
                            key, issuer));
        });
    }

    /**
     * The LogoutResponse to the initiator, at its SLO endpoint of the binding its request came in (else
     * the other front-channel one), with its RelayState unchanged; an SP with neither gets a page.
     */
    private Uni<ProtocolResponse> answer(String realm, String initiator, SamlBinding binding, String inResponseTo,
                                         String relayState, SamlStatus status, String issuer) {
        return registry.find(realm, initiator).chain(sp -> {
            Optional<SamlEndpoint> endpoint = sp.flatMap(s -> s.singleLogoutService(binding)
                    .or(() -> frontChannel(s)));
            if (endpoint.isEmpty()) {
                return Uni.createFrom().item((ProtocolResponse) new ProtocolResponse.ErrorPage(200, LOGGED_OUT));
            }
            String location = endpoint.get().responseLocationOrLocation();
            return credentials.signing(realm).map(key -> LogoutMessages.deliver(
                    LogoutMessages.response(issuer, location, inResponseTo, status, clock.instant()), false,
                    endpoint.get(), location, relayState, key, issuer));
        });
    }

    /** The SP's HTTP-Redirect SLO endpoint, else its HTTP-POST one. */
    static Optional<SamlEndpoint> frontChannel(ServiceProvider sp) {
        return sp.singleLogoutService(SamlBinding.HTTP_REDIRECT).or(() -> sp.singleLogoutService(SamlBinding.HTTP_POST));
    }

    private String sloUrl(String realm) {
        return urls.endpoint(realm, "saml2/slo");
    }

    private static Uni<ProtocolResponse> invalid(String realm, InvalidSamlRequest e) {
        LOG.infof("SAML logout message refused in realm %s: %s", realm, e.getMessage());
        return Uni.createFrom().item(new ProtocolResponse.ErrorPage(400, INVALID));
    }
}
