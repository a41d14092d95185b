package dev.arbor.federation.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One federation protocol (OIDC, SAML 2.0, ...) on top of the protocol-neutral core. The adapter
 * turns a front-channel request into a {@link ProtocolRequest}, checks it against the registered
 * {@link Client}, and renders the core's outcome on the wire. Adding a protocol adds an adapter; the
 * core does not change.
 */
public interface ProtocolAdapter {

    /** The protocol's name as stored in {@link LoginFlow#protocol()}, e.g. {@code oidc}. */
    String protocol();

    /**
     * Parses a front-channel request. {@code Optional.empty()} means "not mine" — a normal answer,
     * another adapter may take it.
     *
     * @param parameters the request's parameters, one value each
     */
    Optional<ProtocolRequest> parse(Map<String, String> parameters);

    /** Checks a parsed request against its client; empty when it may go ahead. */
    Optional<ProtocolError> validate(ProtocolRequest request, Client client);

    /** The user is authenticated and {@code artifact} (e.g. an authorization code) was issued. */
    ProtocolResponse authenticated(LoginFlow flow, String issuer, String artifact);

    /** The request failed with a protocol error; the response goes back to the relying party. */
    ProtocolResponse failed(ProtocolRequest request, String issuer, ProtocolError error);

    /**
     * {@link #failed}, for an answer that needs I/O before it can be sent (a SAML Response is signed with
     * the realm's key, and one sent by artifact is stored first). The core calls this one; by default it
     * is {@link #failed}. A {@link CompletionStage} keeps the domain free of frameworks.
     */
    default CompletionStage<ProtocolResponse> failedAsync(String realm, ProtocolRequest request, String issuer,
                                                          ProtocolError error) {
        return CompletableFuture.completedFuture(failed(request, issuer, error));
    }
}
