package dev.arbor.federation.protocol.oidc;

import java.util.List;
import java.util.Optional;

/**
 * A verified {@code id_token_hint} (RP-Initiated Logout 1.0 §2): an ID token this realm issued, maybe
 * expired, naming the end user ({@code sub}), the session ({@code sid}, optional) and the client(s) it
 * was issued to ({@code aud}).
 */
public record IdTokenHint(String subject, Optional<String> sessionId, List<String> audiences) {
    public IdTokenHint {
        audiences = List.copyOf(audiences);
        sessionId = sessionId == null ? Optional.empty() : sessionId;
    }

    /** The client the hint identifies: its only audience (OIDC Core §2: or {@code azp}, which Arbor sets to it). */
    public Optional<String> client() {
        return audiences.size() == 1 ? Optional.of(audiences.getFirst()) : Optional.empty();
    }
}
