package dev.arbor.authtree.domain.webauthn;

import java.util.Map;

/**
 * The start of a WebAuthn ceremony. {@code publicKey} is what the browser gets, as plain JSON values
 * ({@code PublicKeyCredentialCreationOptionsJSON} or {@code PublicKeyCredentialRequestOptionsJSON}, L3 §5.1.x,
 * base64url fields); {@code requestJson} is the relying party's own record of the request, challenge included,
 * kept server-side (journey shared state) until the answer arrives.
 */
public record CeremonyStart(Map<String, Object> publicKey, String requestJson) {
    public CeremonyStart {
        publicKey = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(publicKey));
    }
}
