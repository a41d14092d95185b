package dev.arbor.federation.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentGrantTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final ConsentGrant GRANT = new ConsentGrant("demo", "alice", "spa", Set.of("openid", "profile"),
            T0, T0.plusSeconds(3600));

    @Test
    void coversTheSameOrFewerScopesUntilItExpires() {
        assertTrue(GRANT.covers(List.of("openid", "profile"), T0));
        assertTrue(GRANT.covers(List.of("openid"), T0.plusSeconds(3599)));
        assertFalse(GRANT.covers(List.of("openid", "email"), T0));
        assertFalse(GRANT.covers(List.of("openid"), T0.plusSeconds(3600)));
    }
}
