package dev.arbor.federation.domain.saml2;

import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML 2.0 service provider registered in a realm, from its metadata (SAML Metadata §2.4.4
 * SPSSODescriptor) plus Arbor's {@link ServiceProviderSettings}. Only the keys of the metadata verify
 * its signed requests: a KeyInfo inside a request is never trusted.
 *
 * @param metadataXml the metadata document as imported, kept to show back and to re-import
 */
public record ServiceProvider(String realm, String entityId, String name, List<SamlEndpoint> assertionConsumerServices,
                              List<SamlEndpoint> singleLogoutServices, List<X509Certificate> signingCertificates,
                              List<X509Certificate> encryptionCertificates, boolean wantAssertionsSigned,
                              ServiceProviderSettings settings, String metadataXml) {
    public ServiceProvider {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(settings, "settings");
        name = name == null || name.isEmpty() ? entityId : name;
        assertionConsumerServices = List.copyOf(assertionConsumerServices);
        singleLogoutServices = List.copyOf(singleLogoutServices);
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
    }

    /**
     * SAML Core §3.4.1: the ACS a Response goes to. An AuthnRequest's {@code AssertionConsumerServiceURL}
     * must equal a registered location exactly (with the binding if it names one); an
     * {@code AssertionConsumerServiceIndex} must be registered; with neither, the default (else the first) HTTP-POST ACS.
     */
    public Optional<SamlEndpoint> assertionConsumerService(String url, Integer index, SamlBinding binding) {
        if (url != null) {
            return assertionConsumerServices.stream()
                    .filter(e -> e.location().equals(url) && (binding == null || e.binding() == binding))
                    .findFirst();
        }
        if (index != null) {
            return assertionConsumerServices.stream().filter(e -> index.equals(e.index())).findFirst();
        }
        return defaultAssertionConsumerService(SamlBinding.HTTP_POST, SamlBinding.HTTP_ARTIFACT);
    }

    /** SAML Metadata §2.2.3: among the ACS of these bindings, the one marked {@code isDefault}, else the lowest index. */
    public Optional<SamlEndpoint> defaultAssertionConsumerService(SamlBinding... bindings) {
        List<SamlBinding> wanted = List.of(bindings);
        return assertionConsumerServices.stream().filter(e -> wanted.contains(e.binding()))
                .min(Comparator.comparing((SamlEndpoint e) -> !e.isDefault())
                        .thenComparing(e -> e.index() == null ? Integer.MAX_VALUE : e.index()));
    }

    /** The SLO endpoint for a binding, if the metadata registered one. */
    public Optional<SamlEndpoint> singleLogoutService(SamlBinding binding) {
        return singleLogoutServices.stream().filter(e -> e.binding() == binding).findFirst();
    }
}
