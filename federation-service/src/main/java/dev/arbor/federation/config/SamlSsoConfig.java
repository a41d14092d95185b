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
     * How long an artifact (SAML Bindings §3.6, HTTP-Artifact) can be resolved after it is issued; SAML Core
     * §3.5.3 asks for the shortest practical limit. The SP resolves it on the browser's next request.
     */
    @WithDefault("PT1M")
    Duration artifactLifetime();

    /**
     * HMAC key of persistent NameIDs (env ARBOR_SAML_SSO_PERSISTENT_NAME_ID_KEY). When unset it is derived
     * from the client secret pepper. Changing it changes every user's persistent NameID at every SP.
     */
    Optional<String> persistentNameIdKey();
}
