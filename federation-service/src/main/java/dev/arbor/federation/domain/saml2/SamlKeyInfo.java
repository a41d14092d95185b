package dev.arbor.federation.domain.saml2;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * What may be shown of one of a realm's SAML keys: its certificate and its place in the rollover,
 * never the private key.
 *
 * @param activatedAt   when it became current (null while it never was)
 * @param deactivatedAt when another key replaced it as current (null while it is or never was current)
 * @param retiredAt     when it left the metadata (null while listed)
 */
public record SamlKeyInfo(String keyId, SamlKeyUse use, SamlKeyState state, X509Certificate certificate,
                          Instant createdAt, Instant activatedAt, Instant deactivatedAt, Instant retiredAt) {
    public SamlKeyInfo {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
