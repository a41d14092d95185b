package dev.arbor.federation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginFlowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static ProtocolRequest request(boolean forceLogin, Long maxAge) {
        return new ProtocolRequest("spa", "https://rp/cb", null, forceLogin, false, maxAge, Map.of("state", "s"));
    }

    @Test
    void flowMovesForwardOnly() {
        LoginFlow flow = LoginFlow.start("f1", "demo", "oidc", request(false, null), T0);

        LoginFlow done = flow.moveTo(LoginFlowState.AWAITING_AUTHENTICATION)
                .moveTo(LoginFlowState.AUTHENTICATED).moveTo(LoginFlowState.COMPLETED);

        assertEquals(LoginFlowState.COMPLETED, done.state());
        assertThrows(IllegalStateException.class, () -> done.moveTo(LoginFlowState.AUTHENTICATED));
        assertThrows(IllegalStateException.class, () -> flow.moveTo(LoginFlowState.COMPLETED));
    }

    @Test
    void consentIsDecidedOnceAndOnlyARefusedFlowFails() {
        LoginFlow waiting = LoginFlow.start("f1", "demo", "oidc", request(false, null), T0)
                .moveTo(LoginFlowState.AUTHENTICATED).awaitConsentOf("alice");

        assertEquals(LoginFlowState.AWAITING_CONSENT, waiting.state());
        assertEquals("alice", waiting.subject());
        LoginFlow given = waiting.moveTo(LoginFlowState.CONSENT_GIVEN);
        assertEquals("alice", given.subject());
        assertEquals(LoginFlowState.COMPLETED, given.moveTo(LoginFlowState.COMPLETED).state());
        assertThrows(IllegalStateException.class, () -> given.moveTo(LoginFlowState.CONSENT_REFUSED));
        LoginFlow refused = waiting.moveTo(LoginFlowState.CONSENT_REFUSED);
        assertThrows(IllegalStateException.class, () -> refused.moveTo(LoginFlowState.COMPLETED));
        assertEquals(LoginFlowState.FAILED, refused.moveTo(LoginFlowState.FAILED).state());
        assertThrows(IllegalStateException.class, () -> LoginFlow.start("f2", "demo", "oidc", request(false, null), T0)
                .awaitConsentOf("alice"));
    }

    @Test
    void forcedFlowAcceptsOnlyASessionAuthenticatedAfterItStarted() {
        LoginFlow flow = LoginFlow.start("f1", "demo", "oidc", request(true, null), T0);

        assertFalse(flow.acceptsSessionAuthenticatedAt(T0.getEpochSecond() - 1));
        assertTrue(flow.acceptsSessionAuthenticatedAt(T0.getEpochSecond()));
    }

    @Test
    void maxAgeMakesTheFlowForcedOnceItWaitsForALogin() {
        assertTrue(LoginFlow.start("f1", "demo", "oidc", request(false, 60L), T0).forceLogin());
        assertFalse(LoginFlow.start("f2", "demo", "oidc", request(false, null), T0).forceLogin());
    }

    @Test
    void existingSessionSatisfiesMaxAgeOnlyWhenRecentEnough() {
        long now = T0.getEpochSecond();
        assertTrue(request(false, 60L).acceptsExistingSession(now - 60, now));
        assertFalse(request(false, 60L).acceptsExistingSession(now - 61, now));
        assertFalse(request(true, null).acceptsExistingSession(now, now));
        assertTrue(request(false, null).acceptsExistingSession(0, now));
    }
}
