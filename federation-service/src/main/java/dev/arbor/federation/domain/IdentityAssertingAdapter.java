package dev.arbor.federation.domain;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A protocol whose answer to an authenticated user is an assertion it builds itself (SAML 2.0: a
 * signed Response), not an artifact issued by token-service (OAuth: an authorization code). The core
 * calls {@link #assertIdentity} instead of {@link #authenticated}. A {@link CompletionStage} rather than
 * a Mutiny type keeps the domain free of frameworks; building the answer needs keys and the relying
 * party's registration, which are looked up asynchronously.
 */
public interface IdentityAssertingAdapter extends ProtocolAdapter {

    /**
     * @param flow    the completed flow (its request holds what the adapter kept when it parsed)
     * @param session the SSO session that authenticated the user
     * @param claims  the user's identity claims (authtree)
     * @param issuer  the realm's issuer
     */
    CompletionStage<ProtocolResponse> assertIdentity(LoginFlow flow, SsoSession session, Map<String, String> claims,
                                                     String issuer);
}
