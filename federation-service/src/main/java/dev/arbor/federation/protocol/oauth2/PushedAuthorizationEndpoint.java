package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.PushedRequest;
import dev.arbor.federation.port.PushedRequestStore;
import dev.arbor.federation.protocol.ProtocolAdapters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 9126 — the pushed authorization request (PAR) endpoint. The client authenticates as at the
 * token endpoint (§2: same methods), the request is checked as the authorization endpoint would
 * (§2.1: a request object is unpacked and verified first; {@code request_uri} is refused), and is
 * kept, usable once, for {@link #LIFETIME}. Errors are the token endpoint's JSON (§2.3).
 */
@ApplicationScoped
public class PushedAuthorizationEndpoint {
    /** RFC 9126 §2.2: a short lifetime; the browser is expected at the authorization endpoint at once. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    /** Client authentication, not part of the authorization request. */
    private static final List<String> CREDENTIALS = List.of("client_secret", "client_assertion", "client_assertion_type");

    private final ClientAuthenticator authenticator;
    private final RequestObjectVerifier requestObjects;
    private final ProtocolAdapters adapters;
    private final PushedRequestStore store;

    public PushedAuthorizationEndpoint(ClientAuthenticator authenticator, RequestObjectVerifier requestObjects,
                                       ProtocolAdapters adapters, PushedRequestStore store) {
        this.authenticator = authenticator;
        this.requestObjects = requestObjects;
        this.adapters = adapters;
        this.store = store;
    }

    /** RFC 9126 §2.2 — the response: {@code request_uri} and {@code expires_in}. */
    public record Pushed(String requestUri, long expiresIn) {
    }

    public Uni<Pushed> push(String realm, String authorization, Map<String, List<String>> form) {
        if (form.values().stream().anyMatch(v -> v.size() > 1)) {
            throw invalid(OAuth2Errors.INVALID_REQUEST, "a parameter was repeated");
        }
        Map<String, String> single = new HashMap<>();
        form.forEach((name, values) -> single.put(name, values.getFirst()));
        if (single.containsKey("request_uri")) {
            throw invalid(OAuth2Errors.INVALID_REQUEST, "request_uri must not be pushed (RFC 9126 §2.1)");
        }
        return authenticator.authenticate(realm, authorization, single)
                .map(client -> validated(realm, client, single))
                .chain(request -> {
                    String reference = PushedRequest.newReference();
                    return store.save(reference, request, LIFETIME)
                            .map(v -> new Pushed(PushedRequest.URN_PREFIX + reference, LIFETIME.toSeconds()));
                });
    }

    private PushedRequest validated(String realm, Client client, Map<String, String> form) {
        Map<String, String> parameters = new HashMap<>(form);
        CREDENTIALS.forEach(parameters::remove);
        parameters.put("client_id", client.clientId());
        if (parameters.containsKey("request")) {
            parameters = requestObjects.verify(realm, client, client.clientId(), parameters.get("request"));
        }
        String redirectUri = parameters.get("redirect_uri");
        if (redirectUri == null || !client.hasRedirectUri(redirectUri)) {
            throw invalid(OAuth2Errors.INVALID_REQUEST, "redirect_uri is missing or not registered for this client");
        }
        Optional<ProtocolError> problem = AuthorizationEndpoint.checkResponseMode(client, parameters.get("response_mode"));
        Optional<ProtocolAdapters.Parsed> parsed = adapters.parse(parameters);
        if (problem.isEmpty() && parsed.isEmpty()) {
            problem = Optional.of(new ProtocolError(OAuth2Errors.INVALID_SCOPE, "the openid scope is required"));
        }
        if (problem.isEmpty()) {
            problem = parsed.get().adapter().validate(parsed.get().request(), client);
        }
        problem.ifPresent(p -> {
            throw invalid(p.code(), p.description());
        });
        return new PushedRequest(realm, client.clientId(), parameters);
    }

    private static OAuth2Exception invalid(String code, String description) {
        return OAuth2Exception.of(code).withDescription(description);
    }
}
