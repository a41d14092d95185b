package dev.arbor.authtree.domain.webauthn;

import java.net.URI;
import java.util.List;

/**
 * A realm's WebAuthn relying party (realm YAML {@code webauthn:}): the RP ID (a registrable domain suffix of
 * the origins' host, L3 §5.1 "RP ID"), the name authenticators show, and the exact origins a
 * {@code clientDataJSON.origin} may carry (anything else is refused, W8).
 */
public record RelyingPartySettings(String rpId, String rpName, List<String> origins) {
    public RelyingPartySettings {
        if (rpId == null || rpId.isBlank() || rpId.contains("/") || rpId.contains(":")) {
            throw new IllegalArgumentException("webauthn.rpId must be a host name such as localhost");
        }
        if (rpName == null || rpName.isBlank()) {
            throw new IllegalArgumentException("webauthn.rpName is required");
        }
        if (origins == null || origins.isEmpty()) {
            throw new IllegalArgumentException("webauthn.origins must list at least one origin");
        }
        for (String origin : origins) {
            URI uri = URI.create(origin);
            String host = uri.getHost();
            if (uri.getScheme() == null || host == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    || !(host.equals(rpId) || host.endsWith("." + rpId))) {
                throw new IllegalArgumentException("webauthn.origins: " + origin
                        + " must be scheme://host[:port] with a host within rpId " + rpId);
            }
        }
        origins = List.copyOf(origins);
    }

    /** The relying party of a realm without a {@code webauthn:} section: the suite's public URL. */
    public static RelyingPartySettings fromPublicUrl(String publicUrl) {
        URI uri = URI.create(publicUrl);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return new RelyingPartySettings(uri.getHost(), "Arbor", List.of(origin));
    }
}
