package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import java.time.Instant;
import java.util.Objects;

/**
 * An AuthnRequest (SAML Core §3.4.1) that passed every check, reduced to what the IdP acts on; or,
 * with no ID, what IdP-initiated SSO answers (SAML Profiles §4.1.5, {@link IdpInitiatedSsoEndpoint}).
 *
 * @param id            its ID: the Response's InResponseTo; null for an unsolicited Response (none is sent)
 * @param acs           the registered AssertionConsumerService the Response goes to (never a URL only the request named)
 * @param nameIdFormat  the format asked for; null = the SP's configured one
 * @param tree          the tree a RequestedAuthnContext maps to; empty = the realm's default
 * @param rememberUntil how long the ID must be remembered so it is accepted once (SAML Core §1.3.4); null without an ID
 */
public record SamlAuthnRequest(String id, String spEntityId, SamlEndpoint acs, String relayState,
                               NameIdFormat nameIdFormat, boolean forceAuthn, boolean passive, String tree,
                               Instant rememberUntil) {
    public SamlAuthnRequest {
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(acs, "acs");
        tree = tree == null ? "" : tree;
    }
}
