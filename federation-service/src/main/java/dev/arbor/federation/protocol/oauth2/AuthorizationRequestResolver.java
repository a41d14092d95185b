package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.PushedRequest;
import dev.arbor.federation.port.PushedRequestStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Turns what reached the authorization endpoint into the authorization request to process: a pushed
 * request named by its {@code request_uri} (RFC 9126 §4, used once), a request object passed by value
 * (RFC 9101 §5, only its parameters count), or the parameters as sent. Any other {@code request_uri}
 * is {@code request_uri_not_supported} (OIDC Core §6.2 by reference is not offered).
 */
@ApplicationScoped
public class AuthorizationRequestResolver {
    private final PushedRequestStore pushed;
    private final RequestObjectVerifier requestObjects;

    public AuthorizationRequestResolver(PushedRequestStore pushed, RequestObjectVerifier requestObjects) {
        this.pushed = pushed;
        this.requestObjects = requestObjects;
    }

    /** The request to process, or why there is none. */
    public sealed interface Resolution {
    }

    /** @param pushed whether it came through the PAR endpoint */
    public record Resolved(Map<String, String> parameters, boolean pushed) implements Resolution {
    }

    public record Refused(ProtocolError error) implements Resolution {
    }

    public Uni<Resolution> resolve(String realm, Client client, Map<String, String> parameters) {
        String requestUri = parameters.get("request_uri");
        if (requestUri != null) {
            if (parameters.containsKey("request")) {
                return refused(OAuth2Errors.INVALID_REQUEST, "request and request_uri exclude each other");
            }
            if (!PushedRequest.isPushedUri(requestUri)) {
                return refused(OAuth2Errors.REQUEST_URI_NOT_SUPPORTED,
                        "request_uri is supported only for pushed authorization requests");
            }
            String reference = PushedRequest.referenceOf(requestUri);
            if (reference == null) {
                return refused(OAuth2Errors.INVALID_REQUEST_URI, "the request_uri is unknown, used or expired");
            }
            return pushed.take(reference).map(found -> found
                    .filter(p -> p.realm().equals(realm) && p.clientId().equals(client.clientId()))
                    .<Resolution>map(p -> new Resolved(p.parameters(), true))
                    .orElseGet(() -> new Refused(new ProtocolError(OAuth2Errors.INVALID_REQUEST_URI,
                            "the request_uri is unknown, used or expired"))));
        }
        String request = parameters.get("request");
        if (request != null) {
            try {
                return Uni.createFrom().item(new Resolved(
                        requestObjects.verify(realm, client, client.clientId(), request), false));
            } catch (OAuth2Exception e) {
                return refused(e.error(), e.description());
            }
        }
        return Uni.createFrom().item(new Resolved(parameters, false));
    }

    private static Uni<Resolution> refused(String code, String description) {
        return Uni.createFrom().item(new Refused(new ProtocolError(code, description)));
    }
}
