package dev.arbor.token.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** OIDC Core §3.1.3.6, checked against the at_hash example of OIDC Core Appendix A.3. */
class AtHashTest {

    @Test
    void atHashOfOidcCoreExampleAccessToken() {
        assertEquals("77QmUPtjPfzWtF2AnpK9RQ", AtHash.of("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"));
    }
}
