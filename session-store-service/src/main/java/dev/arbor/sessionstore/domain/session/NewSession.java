package dev.arbor.sessionstore.domain.session;

import dev.arbor.sessionstore.domain.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a finished journey asks the store to remember. {@code authTime} null means "now". Node results are
 * the ones remembered with store "session"; properties come from the Set session properties node;
 * {@code replacesSessionId} (null or blank: none) is the session that ends, reason "replaced", once this
 * one exists (step-up, re-authentication).
 */
public record NewSession(String realm, String subject, Instant authTime, String acr, List<String> amr,
                         long ttlSeconds, List<NodeResult> nodeResults, Map<String, String> properties,
                         String replacesSessionId) {
    public NewSession {
        if (realm == null || realm.isBlank()) {
            throw new InvalidRequestException("realm is required");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidRequestException("subject is required");
        }
        if (ttlSeconds <= 0) {
            throw new InvalidRequestException("ttl_seconds must be positive");
        }
        amr = amr == null ? List.of() : List.copyOf(amr);
        nodeResults = nodeResults == null ? List.of() : List.copyOf(nodeResults);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        replacesSessionId = replacesSessionId == null || replacesSessionId.isBlank() ? null : replacesSessionId;
    }

    public NewSession(String realm, String subject, Instant authTime, String acr, List<String> amr, long ttlSeconds) {
        this(realm, subject, authTime, acr, amr, ttlSeconds, List.of(), Map.of(), null);
    }
}
