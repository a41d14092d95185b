package dev.arbor.federation.port;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A realm's SAML key pairs: one signs what the IdP sends, another is the one service providers
 * encrypt to. Created on first use per realm; the private keys are encrypted at rest.
 */
public interface SamlCredentials {

    /** The key pair that signs Responses, Assertions, LogoutRequests/Responses and metadata. */
    Uni<SamlKeyPair> signing(String realm);

    /** The key pair service providers encrypt to (encrypted NameIDs in LogoutRequests). */
    Uni<SamlKeyPair> encryption(String realm);

    /** Every signing certificate metadata lists: the current one first, then any still valid during a rollover. */
    Uni<List<SamlKeyPair>> publishedSigning(String realm);
}
