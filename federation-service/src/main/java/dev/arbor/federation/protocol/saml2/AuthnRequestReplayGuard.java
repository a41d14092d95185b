package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.port.AssertionReplayCache;
import io.smallrye.mutiny.Uni;

/**
 * SAML Core §1.3.4 / Profiles §4.1.4.1 — an AuthnRequest ID is accepted once per SP, across replicas,
 * for as long as the request itself could be accepted ({@link SamlAuthnRequest#rememberUntil()}:
 * IssueInstant + max age + twice the skew). It reuses the shared {@link AssertionReplayCache} (the one
 * that remembers JWT client assertion {@code jti}s) in a key space of its own: the issuer is prefixed
 * with a marker no OAuth client id contains (a NUL), so a SAML request ID can never collide with a
 * client assertion's jti.
 */
public final class AuthnRequestReplayGuard {
    static final String KEY_SPACE = "saml2:AuthnRequest\u0000";

    private final AssertionReplayCache cache;

    public AuthnRequestReplayGuard(AssertionReplayCache cache) {
        this.cache = cache;
    }

    /** True the first time this SP's request ID is seen; false for a replay. */
    public Uni<Boolean> firstUse(String realm, SamlAuthnRequest request) {
        if (request.id() == null) { // IdP-initiated (Profiles §4.1.5): there is no request to accept once
            throw new IllegalArgumentException("an unsolicited Response answers no request");
        }
        return firstUse(realm, request.spEntityId(), request.id(), request.rememberUntil());
    }

    /**
     * Any message ID of this SP (a LogoutRequest, a LogoutResponse): SAML Core §1.3.4 makes IDs unique
     * across every message an entity sends, so one key space serves them all.
     */
    public Uni<Boolean> firstUse(String realm, String spEntityId, String messageId, java.time.Instant rememberUntil) {
        return cache.firstUse(realm, KEY_SPACE + spEntityId, messageId, rememberUntil);
    }
}
