package dev.arbor.federation.port;

import dev.arbor.federation.domain.saml2.SamlKeyChange;
import dev.arbor.federation.domain.saml2.SamlKeyInfo;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A realm's SAML key rollover (docs/guides/keys.md): publish the next key, make it current, retire
 * the old one. Each step is one guarded transaction, so replicas or administrators acting at once
 * never leave a realm with two current or two published keys of a use. After a step the replica
 * that did it signs with the new state at once; {@link SamlKeyChangePublisher} tells the others.
 */
public interface SamlKeyRollover {

    /** Every key of the realm (retired ones too), by use, then current, published, previous, retired. */
    Uni<List<SamlKeyInfo>> list(String realm);

    /** Creates the next key of {@code use} as published; refused while one is published and not activated. */
    Uni<SamlKeyChange> next(String realm, SamlKeyUse use);

    /** The published key of {@code use} becomes current and the current one previous; refused when none is published. */
    Uni<SamlKeyChange> activate(String realm, SamlKeyUse use);

    /** A published or previous key leaves the metadata; the current key is refused; a retired one stays retired. */
    Uni<SamlKeyChange> retire(String realm, String keyId);
}
