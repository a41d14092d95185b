package dev.arbor.federation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** SAML 2.0 SSO settings (keys under {@code arbor.saml.sso.}); docs/reference/saml.md. */
@ConfigMapping(prefix = "arbor.saml.sso")
public interface SamlSsoConfig {

    /** How far an SP's clock may be off (AuthnRequest IssueInstant). */
    @WithDefault("PT3M")
    Duration clockSkew();

    /** How old an AuthnRequest may be when it arrives. */
    @WithDefault("PT5M")
    Duration maxRequestAge();

    /** How long a bearer assertion may be presented (SubjectConfirmationData and Conditions NotOnOrAfter). */
    @WithDefault("PT5M")
    Duration assertionLifetime();

    /**
     * HMAC key of persistent NameIDs (env ARBOR_SAML_SSO_PERSISTENT_NAME_ID_KEY). When unset it is derived
     * from the client secret pepper. Changing it changes every user's persistent NameID at every SP.
     */
    Optional<String> persistentNameIdKey();
}
