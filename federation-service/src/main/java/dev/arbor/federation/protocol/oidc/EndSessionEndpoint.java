package dev.arbor.federation.protocol.oidc;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.LogoutParticipants;
import dev.arbor.federation.port.SessionGateway;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import dev.arbor.federation.protocol.saml2.SamlFrontChannelLogout;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenID Connect RP-Initiated Logout 1.0 — the {@code end_session_endpoint}. The request is checked
 * first (§2, §3): a hint must be this realm's ID token, {@code client_id} must be its audience, and a
 * {@code post_logout_redirect_uri} needs an identified client and must be registered for it exactly;
 * any failure is an error page, never a redirect. Then:
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> LoggedOut: no live browser session (nothing to end)
 *   [*] --> Confirm: an RP's form POST without the session cookie (cross-site: SameSite=Lax withheld it)
 *   [*] --> End: hint names the browser's session (sub, sid), or the user confirmed (CSRF-checked POST)
 *   [*] --> Confirm: no hint, or a hint of another session (§2: the OP asks; a bare GET never logs out)
 *   End --> LoggedOut: participants read, EndSession(reason logout), front-channel iframes
 * }</pre>
 */
@ApplicationScoped
public class EndSessionEndpoint {
    static final String REASON = "logout";

    private final IdTokenHintVerifier hints;
    private final ClientRepository clients;
    private final SessionGateway sessions;
    private final LogoutParticipants participants;
    private final SamlFrontChannelLogout saml;
    private final RealmUrls urls;
    private final Clock clock;

    public EndSessionEndpoint(IdTokenHintVerifier hints, ClientRepository clients, SessionGateway sessions,
                              LogoutParticipants participants, SamlFrontChannelLogout saml, RealmUrls urls,
                              Clock clock) {
        this.hints = hints;
        this.clients = clients;
        this.sessions = sessions;
        this.participants = participants;
        this.saml = saml;
        this.urls = urls;
        this.clock = clock;
    }

    /** How the request arrived. */
    public enum Via {
        /** A GET from the RP. */
        QUERY,
        /**
         * A form POST from the RP. Cross-site, so the browser withholds {@code SameSite=Lax} cookies: without
         * a session cookie the end user is asked, and the confirmation (same-site) carries the cookie.
         */
        FORM,
        /** The confirmation page's POST; the caller checked its CSRF token. */
        CONFIRMATION
    }

    /**
     * @param parameters the query (GET) or form (POST) parameters, every value of each
     * @param sessionId  the {@code arbor_session} cookie, or null
     */
    public Uni<LogoutOutcome> endSession(String realm, Map<String, List<String>> parameters, String sessionId,
                                         Via via) {
        if (parameters.values().stream().anyMatch(v -> v.size() > 1)) {
            return invalid("A parameter was repeated.");
        }
        Optional<String> hint = single(parameters, "id_token_hint");
        Uni<Optional<IdTokenHint>> verified = hint.isEmpty() ? Uni.createFrom().item(Optional.empty())
                : hints.verify(realm, hint.get()).map(Optional::of);
        return verified
                .chain(h -> request(realm, parameters, h))
                .chain(checked -> checked instanceof Checked.Ok ok
                        ? decide(ok.request(), sessionId, via)
                        : Uni.createFrom().item((LogoutOutcome) ((Checked.Bad) checked).outcome()))
                .onFailure(IdTokenHintVerifier.InvalidHint.class)
                .recoverWithItem(e -> new LogoutOutcome.Invalid(e.getMessage()));
    }

    private sealed interface Checked {
        record Ok(LogoutRequest request) implements Checked {
        }

        record Bad(LogoutOutcome.Invalid outcome) implements Checked {
        }
    }

    /** §2 and §3: who is asking, and whether the redirect target is theirs. */
    private Uni<Checked> request(String realm, Map<String, List<String>> parameters, Optional<IdTokenHint> hint) {
        Optional<String> clientIdParameter = single(parameters, "client_id");
        if (clientIdParameter.isPresent() && hint.isPresent()
                && !hint.get().audiences().contains(clientIdParameter.get())) {
            return bad("client_id is not the audience of the ID token hint.");
        }
        Optional<String> clientId = clientIdParameter.or(() -> hint.flatMap(IdTokenHint::client));
        Optional<String> redirect = single(parameters, "post_logout_redirect_uri");
        Uni<Optional<Client>> client = clientId.isEmpty() ? Uni.createFrom().item(Optional.empty())
                : clients.findClient(realm, clientId.get());
        return client.map(found -> {
            if (clientId.isPresent() && found.isEmpty()) {
                return badNow("The client is not registered.");
            }
            if (redirect.isPresent() && found.isEmpty()) {
                return badNow("post_logout_redirect_uri needs id_token_hint or client_id to identify the client.");
            }
            if (redirect.isPresent() && !found.get().logout().hasPostLogoutRedirectUri(redirect.get())) {
                return badNow("The post-logout redirect URI is not registered for this client.");
            }
            return new Checked.Ok(new LogoutRequest(realm, found, hint, redirect, single(parameters, "state"),
                    single(parameters, "ui_locales")));
        });
    }

    private Uni<LogoutOutcome> decide(LogoutRequest request, String sessionId, Via via) {
        if (via == Via.FORM && (sessionId == null || sessionId.isEmpty())) {
            return Uni.createFrom().item(new LogoutOutcome.Confirm(request));
        }
        Uni<Optional<SsoSession>> live = sessionId == null || sessionId.isEmpty()
                ? Uni.createFrom().item(Optional.empty())
                : sessions.find(request.realm(), sessionId).map(found -> found
                        .filter(s -> s.isActiveAt(clock.instant().getEpochSecond())));
        return live.chain(session -> {
            if (session.isEmpty()) {
                return Uni.createFrom().item(new LogoutOutcome.LoggedOut(List.of(), request.continueTo(),
                        request.uiLocales()));
            }
            if (via == Via.CONFIRMATION || request.hint().filter(h -> names(h, session.get())).isPresent()) {
                return end(request, session.get());
            }
            return Uni.createFrom().item(new LogoutOutcome.Confirm(request));
        });
    }

    /** The hint is about this session: same end user and, when it says, the same sid. */
    private static boolean names(IdTokenHint hint, SsoSession session) {
        return hint.subject().equals(session.subject())
                && hint.sessionId().map(session.sid()::equals).orElse(true);
    }

    /** Participants are read before the session ends: the back-channel consumer forgets them afterwards. */
    private Uni<LogoutOutcome> end(LogoutRequest request, SsoSession session) {
        String realm = request.realm();
        String issuer = urls.issuer(realm);
        return participants.of(realm, session.sid())
                .chain(ids -> Multi.createFrom().iterable(ids.stream().sorted().toList())
                        .onItem().transformToUniAndConcatenate(id -> clients.findClient(realm, id))
                        .collect().asList())
                .map(found -> found.stream().flatMap(Optional::stream)
                        .map(c -> c.logout().frontchannelLogoutUri().map(uri -> frontchannel(uri, issuer, session.sid())))
                        .flatMap(Optional::stream).filter(Objects::nonNull).toList())
                // SAML SPs told through the browser too (docs/reference/saml.md, Single Logout)
                .chain(frames -> saml.frames(realm, session.sid())
                        .map(samlFrames -> java.util.stream.Stream.concat(frames.stream(), samlFrames.stream()).toList()))
                .chain(frames -> sessions.end(realm, session.id(), REASON)
                        .map(ended -> (LogoutOutcome) new LogoutOutcome.LoggedOut(frames, request.continueTo(),
                                request.uiLocales())));
    }

    /** Front-Channel Logout 1.0 §3: {@code iss} and {@code sid} as query parameters. */
    private static String frontchannel(String uri, String issuer, String sid) {
        return uri + (uri.contains("?") ? "&" : "?") + "iss=" + RealmUrlsCodec.encode(issuer)
                + "&sid=" + RealmUrlsCodec.encode(sid);
    }

    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.size() == 1 && !values.getFirst().isEmpty() ? Optional.of(values.getFirst()) : Optional.empty();
    }

    private static Uni<LogoutOutcome> invalid(String message) {
        return Uni.createFrom().item(new LogoutOutcome.Invalid(message));
    }

    private static Uni<Checked> bad(String message) {
        return Uni.createFrom().item(badNow(message));
    }

    private static Checked badNow(String message) {
        return new Checked.Bad(new LogoutOutcome.Invalid(message));
    }
}
