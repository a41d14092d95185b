package dev.arbor.federation.port;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A realm's SAML key pairs: one signs what the IdP sends, another is the one service providers
 * encrypt to. Created on first use per realm; the private keys are encrypted at rest. During a
 * rollover ({@link SamlKeyRollover}) more than one key of a use is published; only the current one
 * signs.
 */
public interface SamlCredentials {

    /** The key pair that signs Responses, Assertions, LogoutRequests/Responses and metadata. */
    Uni<SamlKeyPair> signing(String realm);

    /** The current key pair service providers encrypt to (the first encryption key in the metadata). */
    Uni<SamlKeyPair> encryption(String realm);

    /** Every signing key metadata lists: the current one first, then the published (next) and previous ones. */
    Uni<List<SamlKeyPair>> publishedSigning(String realm);

    /**
     * Every encryption key metadata lists, the current one first. An SP may encrypt to any of them, so
     * whatever Arbor decrypts must be tried with each (Arbor decrypts nothing yet).
     */
    default Uni<List<SamlKeyPair>> publishedEncryption(String realm) {
        return encryption(realm).map(List::of);
    }
}
