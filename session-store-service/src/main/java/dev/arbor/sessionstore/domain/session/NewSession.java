package dev.arbor.sessionstore.domain.session;

import dev.arbor.sessionstore.domain.InvalidRequestException;
import java.time.Instant;
import java.util.List;

/** What a finished journey asks the store to remember. {@code authTime} null means "now". */
public record NewSession(String realm, String subject, Instant authTime, String acr, List<String> amr,
                         long ttlSeconds) {
    public NewSession {
        if (realm == null || realm.isBlank()) {
            throw new InvalidRequestException("realm is required");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidRequestException("subject is required");
        }
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
