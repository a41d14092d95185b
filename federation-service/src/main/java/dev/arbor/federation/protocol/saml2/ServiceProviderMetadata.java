package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.AssertionEncryption;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.domain.saml2.ServiceProviderSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.ext.saml2mdui.UIInfo;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.LocalizedName;
import org.opensaml.saml.saml2.metadata.Organization;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * Turns a service provider's metadata (SAML Metadata §2.3.2 EntityDescriptor with an §2.4.4
 * SPSSODescriptor; or an §2.3.1 EntitiesDescriptor holding exactly one such entity) and the requested
 * {@link ServiceProviderSettingsJson.Requested settings} into a {@link ServiceProvider}.
 *
 * <p>Metadata can only make checks stricter, never switch one off (Keycloak CVE-2026-16443):
 * {@code requireSignedAuthnRequests} is true unless the settings say false, and
 * {@code AuthnRequestsSigned="true"} forces it true; {@code WantAssertionsSigned="true"} forces
 * {@code signAssertion}. A KeyDescriptor without {@code use} serves both signing and encryption
 * (§2.4.1.1). Only HTTP-POST and HTTP-Artifact AssertionConsumerServices are kept (§3.4 of the
 * profiles: a Response cannot go by Redirect); SingleLogoutServices of Redirect, POST and SOAP.
 */
public final class ServiceProviderMetadata {
    /** SAML Metadata §2.3.2: entityID is a URI of at most 1024 characters. */
    static final int MAX_ENTITY_ID = 1024;
    private static final Set<SamlBinding> ACS_BINDINGS = Set.of(SamlBinding.HTTP_POST, SamlBinding.HTTP_ARTIFACT);
    private static final Set<SamlBinding> SLO_BINDINGS = Set.of(SamlBinding.HTTP_REDIRECT, SamlBinding.HTTP_POST,
            SamlBinding.SOAP);

    private ServiceProviderMetadata() {
    }

    /**
     * @throws InvalidMetadata with a message fit for the administrator who sent it
     */
    public static ServiceProvider read(String realm, String metadataXml, ServiceProviderSettingsJson.Requested requested) {
        Objects.requireNonNull(requested, "requested");
        if (metadataXml == null || metadataXml.isBlank()) {
            throw new InvalidMetadata("the metadata is empty");
        }
        XMLObject root;
        try {
            root = SamlXml.unmarshall(metadataXml.getBytes(StandardCharsets.UTF_8));
        } catch (SamlXml.SamlXmlException e) {
            throw new InvalidMetadata(e.getMessage());
        }
        EntityDescriptor entity = entity(root);
        String entityId = entity.getEntityID();
        if (entityId == null || entityId.isBlank() || entityId.length() > MAX_ENTITY_ID) {
            throw new InvalidMetadata("the EntityDescriptor needs an entityID of 1 to " + MAX_ENTITY_ID + " characters");
        }
        SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (sp == null) {
            throw new InvalidMetadata("the metadata of " + entityId
                    + " has no SPSSODescriptor for SAML 2.0 (protocolSupportEnumeration " + SAMLConstants.SAML20P_NS + ")");
        }
        List<SamlEndpoint> acs = assertionConsumerServices(sp);
        List<SamlEndpoint> slo = singleLogoutServices(sp);
        List<X509Certificate> signing = new ArrayList<>();
        List<X509Certificate> encryption = new ArrayList<>();
        for (KeyDescriptor key : sp.getKeyDescriptors()) {
            List<X509Certificate> certificates = certificates(key);
            UsageType use = key.getUse() == null ? UsageType.UNSPECIFIED : key.getUse();
            if (use != UsageType.ENCRYPTION) {
                signing.addAll(certificates);
            }
            if (use != UsageType.SIGNING) {
                encryption.addAll(certificates);
            }
        }
        ServiceProviderSettings settings = settings(entityId, sp, requested, !signing.isEmpty(), !encryption.isEmpty());
        return new ServiceProvider(realm, entityId, displayName(entity, sp).orElse(null), acs, slo, signing, encryption,
                Boolean.TRUE.equals(sp.getWantAssertionsSigned()), settings, metadataXml);
    }

    private static EntityDescriptor entity(XMLObject root) {
        if (root instanceof EntityDescriptor entity) {
            return entity;
        }
        if (root instanceof EntitiesDescriptor group) {
            List<EntityDescriptor> sps = new ArrayList<>();
            collect(group, sps);
            if (sps.size() != 1) {
                throw new InvalidMetadata("an EntitiesDescriptor must hold exactly one service provider; this one holds "
                        + sps.size() + ": import them one at a time");
            }
            return sps.getFirst();
        }
        throw new InvalidMetadata("the metadata must be an md:EntityDescriptor (or an md:EntitiesDescriptor holding one)");
    }

    private static void collect(EntitiesDescriptor group, List<EntityDescriptor> sps) {
        group.getEntityDescriptors().stream()
                .filter(e -> e.getSPSSODescriptor(SAMLConstants.SAML20P_NS) != null).forEach(sps::add);
        group.getEntitiesDescriptors().forEach(inner -> collect(inner, sps));
    }

    private static List<SamlEndpoint> assertionConsumerServices(SPSSODescriptor sp) {
        List<SamlEndpoint> usable = new ArrayList<>();
        Set<Integer> indexes = new HashSet<>();
        for (AssertionConsumerService acs : sp.getAssertionConsumerServices()) {
            if (acs.getIndex() != null && !indexes.add(acs.getIndex())) {
                throw new InvalidMetadata("two AssertionConsumerServices have index " + acs.getIndex());
            }
            Optional<SamlBinding> binding = SamlBinding.of(acs.getBinding()).filter(ACS_BINDINGS::contains);
            if (binding.isEmpty()) {
                continue; // e.g. PAOS (ECP) or HTTP-Redirect: not a way Arbor sends a Response
            }
            requireSafeLocation("AssertionConsumerService", acs.getLocation());
            usable.add(new SamlEndpoint(binding.get(), acs.getLocation(), acs.getIndex(),
                    Boolean.TRUE.equals(acs.isDefault()), null));
        }
        if (usable.isEmpty()) {
            throw new InvalidMetadata("the SPSSODescriptor has no AssertionConsumerService with the HTTP-POST or "
                    + "HTTP-Artifact binding");
        }
        return usable;
    }

    private static List<SamlEndpoint> singleLogoutServices(SPSSODescriptor sp) {
        List<SamlEndpoint> usable = new ArrayList<>();
        for (SingleLogoutService slo : sp.getSingleLogoutServices()) {
            Optional<SamlBinding> binding = SamlBinding.of(slo.getBinding()).filter(SLO_BINDINGS::contains);
            if (binding.isEmpty()) {
                continue;
            }
            requireSafeLocation("SingleLogoutService", slo.getLocation());
            String response = slo.getResponseLocation();
            if (response != null && !response.isEmpty()) {
                requireSafeLocation("SingleLogoutService ResponseLocation", response);
            }
            usable.add(new SamlEndpoint(binding.get(), slo.getLocation(), null, false, response));
        }
        return usable;
    }

    /**
     * Assertions are bearer tokens: they go only over TLS. Plain http is allowed for loopback
     * addresses (a developer's SP on their machine), as RFC 8252 §7.3 allows for native apps.
     */
    static void requireSafeLocation(String what, String location) {
        if (location == null || location.isBlank()) {
            throw new InvalidMetadata("a " + what + " has no Location");
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new InvalidMetadata("the " + what + " Location " + location + " is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getRawFragment() != null || host.isEmpty()) {
            throw new InvalidMetadata("the " + what + " Location " + location + " must be an absolute URL without a fragment");
        }
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new InvalidMetadata("the " + what + " Location " + location
                    + " must use https (http only for localhost or 127.0.0.1)");
        }
    }

    private static List<X509Certificate> certificates(KeyDescriptor key) {
        if (key.getKeyInfo() == null) {
            throw new InvalidMetadata("a KeyDescriptor has no ds:KeyInfo");
        }
        List<X509Certificate> certificates;
        try {
            certificates = KeyInfoSupport.getCertificates(key.getKeyInfo());
        } catch (CertificateException | RuntimeException e) {
            throw new InvalidMetadata("a KeyDescriptor's ds:X509Certificate cannot be parsed as an X.509 certificate");
        }
        if (certificates.isEmpty()) {
            throw new InvalidMetadata("a KeyDescriptor has no ds:X509Certificate (bare key values are not supported)");
        }
        return certificates;
    }

    private static ServiceProviderSettings settings(String entityId, SPSSODescriptor sp,
                                                    ServiceProviderSettingsJson.Requested requested,
                                                    boolean hasSigningKey, boolean hasEncryptionKey) {
        ServiceProviderSettings d = ServiceProviderSettings.DEFAULTS;
        boolean requireSigned = !Boolean.FALSE.equals(requested.requireSignedAuthnRequests())
                || Boolean.TRUE.equals(sp.isAuthnRequestsSigned());
        boolean signAssertion = or(requested.signAssertion(), d.signAssertion())
                || Boolean.TRUE.equals(sp.getWantAssertionsSigned());
        boolean signResponse = or(requested.signResponse(), d.signResponse());
        if (!signResponse && !signAssertion) {
            throw new InvalidMetadata("signResponse and signAssertion are both false: at least one must be true");
        }
        if (requireSigned && !hasSigningKey) {
            throw new InvalidMetadata("requireSignedAuthnRequests is on (the default"
                    + (Boolean.TRUE.equals(sp.isAuthnRequestsSigned()) ? ", and the metadata says AuthnRequestsSigned" : "")
                    + ") but the metadata of " + entityId + " has no signing key: add a KeyDescriptor,"
                    + " or set requireSignedAuthnRequests to false");
        }
        AssertionEncryption encryption = requested.encryption() != null ? requested.encryption() : d.encryption();
        if (encryption != AssertionEncryption.NONE && !hasEncryptionKey) {
            throw new InvalidMetadata("encryptAssertion is on but the metadata of " + entityId
                    + " has no encryption key (a KeyDescriptor with use=\"encryption\" or without use)");
        }
        NameIdFormat nameIdFormat = requested.nameIdFormat() != null ? requested.nameIdFormat()
                : sp.getNameIDFormats().stream().map(f -> NameIdFormat.of(f.getURI())).flatMap(Optional::stream)
                        .findFirst().orElse(d.nameIdFormat());
        return new ServiceProviderSettings(signResponse, signAssertion, encryption, nameIdFormat,
                requested.nameIdAttribute() != null ? requested.nameIdAttribute() : d.nameIdAttribute(),
                requested.attributes() != null ? requested.attributes() : d.attributes(),
                requested.authnContextTrees() != null ? requested.authnContextTrees() : d.authnContextTrees(),
                requireSigned, or(requested.allowIdpInitiated(), d.allowIdpInitiated()));
    }

    /** mdui:DisplayName (English first), else the Organization's display name. */
    private static Optional<String> displayName(EntityDescriptor entity, SPSSODescriptor sp) {
        if (sp.getExtensions() != null) {
            for (XMLObject ext : sp.getExtensions().getUnknownXMLObjects(UIInfo.DEFAULT_ELEMENT_NAME)) {
                if (ext instanceof UIInfo ui) {
                    Optional<String> name = preferEnglish(ui.getDisplayNames());
                    if (name.isPresent()) {
                        return name;
                    }
                }
            }
        }
        Organization organization = sp.getOrganization() != null ? sp.getOrganization() : entity.getOrganization();
        return organization == null ? Optional.empty() : preferEnglish(organization.getDisplayNames());
    }

    private static Optional<String> preferEnglish(List<? extends LocalizedName> names) {
        return names.stream().filter(n -> n.getValue() != null && !n.getValue().isBlank())
                .min((a, b) -> Boolean.compare(!"en".equalsIgnoreCase(a.getXMLLang()), !"en".equalsIgnoreCase(b.getXMLLang())))
                .map(n -> n.getValue().strip());
    }

    private static boolean or(Boolean value, boolean otherwise) {
        return value != null ? value : otherwise;
    }

    /** Metadata (or settings with it) that cannot be imported; the message is fit for the sender. */
    public static final class InvalidMetadata extends IllegalArgumentException {
        public InvalidMetadata(String message) {
            super(message);
        }
    }
}
