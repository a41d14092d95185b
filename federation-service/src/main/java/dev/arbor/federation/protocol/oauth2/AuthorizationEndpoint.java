package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ProtocolAdapter;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolRequest;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.ResponseMode;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.protocol.LoginFlows;
import dev.arbor.federation.protocol.ProtocolAdapters;
import dev.arbor.federation.protocol.oidc.EssentialAcr;
import dev.arbor.federation.protocol.oidc.IdTokenHintVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 6749 §3.1 / OIDC Core §3.1.2 — the authorization endpoint. The client is checked first; the
 * request is then resolved (a pushed request, RFC 9126, or a request object, RFC 9101) and its
 * redirect URI checked. Failures so far are shown to the user, never redirected (§4.1.2.1: an
 * unchecked redirect would make this server an open redirector) unless the redirect URI as sent is
 * registered. Every later error goes back to the client in its response mode. A valid request starts
 * a {@link LoginFlow}; an SSO session that satisfies it (prompt, max_age, id_token_hint, essential acr)
 * goes on to {@link ConsentCheck} at once, otherwise the browser goes to the login UI.
 */
@ApplicationScoped
public class AuthorizationEndpoint {
    private final ClientRepository clients;
    private final AuthorizationRequestResolver resolver;
    private final IdTokenHintVerifier idTokenHints;
    private final ProtocolAdapters adapters;
    private final LoginFlows loginFlows;
    private final RealmUrls urls;

    public AuthorizationEndpoint(ClientRepository clients, AuthorizationRequestResolver resolver,
                                 IdTokenHintVerifier idTokenHints, ProtocolAdapters adapters, LoginFlows loginFlows,
                                 RealmUrls urls) {
        this.clients = clients;
        this.resolver = resolver;
        this.idTokenHints = idTokenHints;
        this.adapters = adapters;
        this.loginFlows = loginFlows;
        this.urls = urls;
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
            if (found.isEmpty()) {
                return page("The client is not registered.");
            }
            Client client = found.get();
            // the redirect URI as sent, if registered: where errors found before the request is resolved go
            Optional<String> sentRedirect = single(parameters, "redirect_uri").filter(client::hasRedirectUri);
            String sentState = parameters.getOrDefault("state", List.of()).stream().findFirst().orElse(null);
            if (parameters.values().stream().anyMatch(v -> v.size() > 1)) {
                // RFC 6749 §3.1: parameters MUST NOT be included more than once
                return refuse(realm, sentRedirect, sentState,
                        new ProtocolError(OAuth2Errors.INVALID_REQUEST, "a parameter was repeated"));
            }
            return resolver.resolve(realm, client, firstValues(parameters)).chain(resolution -> switch (resolution) {
                case AuthorizationRequestResolver.Refused r -> refuse(realm, sentRedirect, sentState, r.error());
                case AuthorizationRequestResolver.Resolved r -> {
                    String redirectUri = r.parameters().get("redirect_uri");
                    if (redirectUri == null || !client.hasRedirectUri(redirectUri)) {
                        yield page("The redirect URI is not registered for this client.");
                    }
                    yield authorizeFor(realm, client, redirectUri, r.parameters(), r.pushed(), sessionId);
                }
            });
        });
    }

    private Uni<ProtocolResponse> authorizeFor(String realm, Client client, String redirectUri,
                                               Map<String, String> single, boolean pushed, String sessionId) {
        String issuer = urls.issuer(realm);
        String state = single.get("state");
        Optional<ProtocolError> modeError = checkResponseMode(client, single.get("response_mode"));
        if (modeError.isPresent()) {
            // the mode itself is the problem: the error goes back the default way
            return Uni.createFrom().item(AuthorizationResponses.error(redirectUri, modeError.get(), state, issuer));
        }
        ResponseMode mode = AuthorizationResponses.modeOf(single.get("response_mode"));
        if (client.authorizationPolicy().requirePushedAuthorizationRequests() && !pushed) {
            return Uni.createFrom().item(AuthorizationResponses.error(mode, redirectUri, new ProtocolError(
                    OAuth2Errors.INVALID_REQUEST, "this client must push its authorization requests (PAR)"),
                    state, issuer));
        }
        Optional<ProtocolAdapters.Parsed> parsed = adapters.parse(single);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(AuthorizationResponses.error(mode, redirectUri,
                    new ProtocolError(OAuth2Errors.INVALID_SCOPE, "the openid scope is required"), state, issuer));
        }
        ProtocolAdapter adapter = parsed.get().adapter();
        ProtocolRequest request = parsed.get().request();
        Optional<ProtocolError> invalid = adapter.validate(request, client);
        if (invalid.isPresent()) {
            return Uni.createFrom().item(adapter.failed(request, issuer, invalid.get()));
        }
        return hintedSubject(realm, client, single.get("id_token_hint")).chain(hint -> {
            if (hint == null) {
                return Uni.createFrom().item(adapter.failed(request, issuer,
                        new ProtocolError(OAuth2Errors.INVALID_REQUEST, "id_token_hint is not valid")));
            }
            // OIDC Core §3.1.2.1 id_token_hint: a session of another user does not answer this request;
            // §5.5.1.1: nor does one of an acr the request does not accept as essential
            return loginFlows.start(realm, adapter, request, sessionId,
                    s -> (hint.isEmpty() || hint.get().equals(s.subject())) && EssentialAcr.isMetBy(request, s.acr()));
        });
    }

    /** OAuth 2.0 Multiple Response Types §2.1 — a mode this server knows and the client may use. */
    static Optional<ProtocolError> checkResponseMode(Client client, String name) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<ResponseMode> mode = ResponseMode.of(name);
        if (mode.isEmpty()) {
            return Optional.of(new ProtocolError(OAuth2Errors.INVALID_REQUEST, "response_mode is not supported"));
        }
        return client.authorizationPolicy().allows(mode.get()) ? Optional.empty()
                : Optional.of(new ProtocolError(OAuth2Errors.INVALID_REQUEST,
                        "response_mode is not allowed for this client"));
    }

    /**
     * The subject of a valid {@code id_token_hint}: empty when none was sent, {@code null} when it
     * does not verify.
     */
    private Uni<Optional<String>> hintedSubject(String realm, Client client, String hint) {
        // read from the request, never kept with the flow: it is a token about the user
        if (hint == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        // verified as for logout (signature, iss, typ; exp ignored), and it must have been issued to this client
        return idTokenHints.verify(realm, hint)
                .map(verified -> verified.audiences().contains(client.clientId())
                        ? Optional.of(verified.subject()) : (Optional<String>) null)
                .onFailure(IdTokenHintVerifier.InvalidHint.class).recoverWithItem((Optional<String>) null);
    }

    /** Before the request is resolved: back to the redirect URI as sent when it is registered, else a page. */
    private Uni<ProtocolResponse> refuse(String realm, Optional<String> redirectUri, String state, ProtocolError error) {
        if (redirectUri.isEmpty()) {
            return page("The authorization request cannot be used: " + error.description() + ".");
        }
        return Uni.createFrom().item(AuthorizationResponses.error(redirectUri.get(), error, state, urls.issuer(realm)));
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
