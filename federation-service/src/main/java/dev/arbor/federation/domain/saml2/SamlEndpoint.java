package dev.arbor.federation.domain.saml2;

import java.util.Objects;

/**
 * An endpoint of a service provider's metadata (SAML Metadata §2.2.2/§2.2.3): an
 * AssertionConsumerService or SingleLogoutService. A Response goes only to a location registered
 * here, matched exactly.
 *
 * @param index            the ACS index (IndexedEndpointType), null for SLO endpoints
 * @param isDefault        metadata's {@code isDefault}
 * @param responseLocation SLO only: where LogoutResponses go when it differs from {@code location}; may be null
 */
public record SamlEndpoint(SamlBinding binding, String location, Integer index, boolean isDefault,
                           String responseLocation) {
    public SamlEndpoint {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(location, "location");
    }

    public String responseLocationOrLocation() {
        return responseLocation == null || responseLocation.isEmpty() ? location : responseLocation;
    }
}
