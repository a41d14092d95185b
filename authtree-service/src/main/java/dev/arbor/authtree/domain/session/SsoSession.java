package dev.arbor.authtree.domain.session;

import dev.arbor.authtree.domain.memory.RememberedResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A live SSO session as session-store returns it; {@code nodeResults} holds only results still valid. */
public record SsoSession(String id, String realm, String subject, Instant authTime, String acr, List<String> amr,
        Instant expiresAt, List<RememberedResult> nodeResults, Map<String, String> properties) {
    public SsoSession {
        amr = List.copyOf(amr);
        nodeResults = nodeResults == null ? List.of() : List.copyOf(nodeResults);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
