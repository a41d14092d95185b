package dev.arbor.authtree.domain.session;

import dev.arbor.authtree.domain.memory.RememberedResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SSO session a successful journey asks session-store to create: who, when, how (acr/amr), the node
 * results remembered with store {@code session}, the properties the Set session properties node set, and
 * the session it replaces (step-up or re-authentication; null when none), which ends in the same call.
 */
public record NewSession(String realm, String subject, Instant authTime, String acr, List<String> amr,
        Duration ttl, List<RememberedResult> nodeResults, Map<String, String> properties,
        String replacesSessionId) {
    public NewSession {
        amr = List.copyOf(amr);
        nodeResults = nodeResults == null ? List.of() : List.copyOf(nodeResults);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
