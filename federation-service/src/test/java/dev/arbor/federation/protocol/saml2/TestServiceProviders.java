package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.AssertionEncryption;
import dev.arbor.federation.domain.saml2.AttributeRelease;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.domain.saml2.ServiceProviderSettings;
import java.util.List;
import java.util.Map;

/** Fixture SPs: {@code https://sp.example/metadata} with a POST ACS (index 0, default) and an artifact one (index 1). */
public final class TestServiceProviders {
    public static final String ENTITY_ID = "https://sp.example/metadata";
    public static final String ACS = "https://sp.example/acs";
    public static final String OTHER_ACS = "https://sp.example/acs2";
    public static final String ARTIFACT_ACS = "https://sp.example/artifact";
    public static final String REALM = "demo";
    public static final String ISSUER = "http://localhost:8080/realms/demo";
    public static final String SSO_URL = ISSUER + "/saml2/sso";
    public static final String MFA_CLASS = "https://refeds.org/profile/mfa";
    /** A second SP, same endpoints, that allows IdP-initiated SSO and signs both Response and Assertion. */
    public static final String IDP_INITIATED_ENTITY_ID = "https://sp.example/idp-initiated";

    /** This realm's SingleLogoutService. */
    public static final String SLO_URL = ISSUER + "/saml2/slo";
    public static final String SP_SLO = "https://sp.example/slo";
    public static final String SP_SLO_RESPONSES = "https://sp.example/slo/responses";
    public static final String SP_SLO_POST = "https://sp.example/slo/post";
    public static final String SP2_ENTITY_ID = "https://sp2.example/metadata";
    public static final String SP2_ACS = "https://sp2.example/acs";
    public static final String SP2_SLO = "https://sp2.example/slo";

    private TestServiceProviders() {
    }

    public static ServiceProviderSettings settings() {
        return new ServiceProviderSettings(false, true, AssertionEncryption.NONE, NameIdFormat.PERSISTENT, "email",
                List.of(new AttributeRelease("email", "urn:oid:0.9.2342.19200300.100.1.3", null, "mail"),
                        new AttributeRelease("name", "urn:oid:2.16.840.1.113730.3.1.241", null, "displayName")),
                Map.of(MFA_CLASS, "mfa", SamlResponseBuilder.PASSWORD_PROTECTED_TRANSPORT, "login"), true, false);
    }

    public static ServiceProvider sp() {
        return sp(settings());
    }

    public static ServiceProvider idpInitiatedSp() {
        ServiceProviderSettings s = settings();
        return sp(IDP_INITIATED_ENTITY_ID, new ServiceProviderSettings(true, true, s.encryption(), s.nameIdFormat(),
                s.nameIdAttribute(), s.attributes(), s.authnContextTrees(), s.requireSignedAuthnRequests(), true));
    }

    public static ServiceProvider sp(ServiceProviderSettings settings) {
        return sp(ENTITY_ID, settings);
    }

    private static ServiceProvider sp(String entityId, ServiceProviderSettings settings) {
        return new ServiceProvider(REALM, entityId, "Test SP", List.of(
                new SamlEndpoint(SamlBinding.HTTP_POST, ACS, 0, true, null),
                new SamlEndpoint(SamlBinding.HTTP_ARTIFACT, ARTIFACT_ACS, 1, false, null),
                new SamlEndpoint(SamlBinding.HTTP_POST, OTHER_ACS, 2, false, null)),
                List.of(), List.of(SamlTestKeys.SP_SIGNING.certificate()),
                List.of(SamlTestKeys.SP_ENCRYPTION.certificate()), false, settings, "<md:EntityDescriptor/>");
    }

    public static ServiceProviderSettings with(AssertionEncryption encryption, boolean signResponse,
                                               boolean signAssertion) {
        ServiceProviderSettings s = settings();
        return new ServiceProviderSettings(signResponse, signAssertion, encryption, s.nameIdFormat(),
                s.nameIdAttribute(), s.attributes(), s.authnContextTrees(), s.requireSignedAuthnRequests(),
                s.allowIdpInitiated());
    }

    public static ServiceProviderSettings unsignedRequestsAllowed() {
        ServiceProviderSettings s = settings();
        return new ServiceProviderSettings(s.signResponse(), s.signAssertion(), s.encryption(), s.nameIdFormat(),
                s.nameIdAttribute(), s.attributes(), s.authnContextTrees(), false, s.allowIdpInitiated());
    }

    public static ServiceProviderSettings nameIdFrom(NameIdFormat format, String claim) {
        ServiceProviderSettings s = settings();
        return new ServiceProviderSettings(s.signResponse(), s.signAssertion(), s.encryption(), format, claim,
                s.attributes(), s.authnContextTrees(), s.requireSignedAuthnRequests(), s.allowIdpInitiated());
    }

    /** The fixture SP with SingleLogoutServices: Redirect (responses to their own location) and POST. */
    public static ServiceProvider withSlo() {
        ServiceProvider sp = sp();
        return new ServiceProvider(sp.realm(), sp.entityId(), sp.name(), sp.assertionConsumerServices(), List.of(
                new SamlEndpoint(SamlBinding.HTTP_REDIRECT, SP_SLO, null, false, SP_SLO_RESPONSES),
                new SamlEndpoint(SamlBinding.HTTP_POST, SP_SLO_POST, null, false, null)),
                sp.signingCertificates(), sp.encryptionCertificates(), false, sp.settings(), sp.metadataXml());
    }

    /** Another SP of realm demo, signing with {@link SamlTestKeys#SP2_SIGNING}, with these SLO endpoints. */
    public static ServiceProvider other(String entityId, String acs, List<SamlEndpoint> slo) {
        return new ServiceProvider(REALM, entityId, entityId, List.of(new SamlEndpoint(SamlBinding.HTTP_POST, acs, 0,
                true, null)), slo, List.of(SamlTestKeys.SP2_SIGNING.certificate()), List.of(), false, settings(),
                "<md:EntityDescriptor/>");
    }
}
