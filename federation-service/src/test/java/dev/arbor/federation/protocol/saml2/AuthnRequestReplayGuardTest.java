package dev.arbor.federation.protocol.saml2;

import static dev.arbor.federation.protocol.saml2.AuthnRequestValidatorTest.accepted;
import static dev.arbor.federation.protocol.saml2.AuthnRequestValidatorTest.checkPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.port.AssertionReplayCache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S20 — a replayed AuthnRequest (same ID from the same SP) is accepted once. */
class AuthnRequestReplayGuardTest {

    /** The port's contract in memory (the Redis one is SET NX PXAT); remembers the keys and their expiry. */
    static final class InMemoryReplayCache implements AssertionReplayCache {
        final Map<String, Instant> seen = new HashMap<>();

        @Override
        public Uni<Boolean> firstUse(String realm, String clientId, String jti, Instant rememberUntil) {
            return Uni.createFrom().item(seen.putIfAbsent(realm + "|" + clientId + "|" + jti, rememberUntil) == null);
        }
    }

    @Test
    void s20TheSameSignedRequestIsAcceptedOnceAndRememberedLongEnough() {
        InMemoryReplayCache cache = new InMemoryReplayCache();
        AuthnRequestReplayGuard guard = new AuthnRequestReplayGuard(cache);
        TestAuthnRequests sent = TestAuthnRequests.request();
        String xml = sent.signedXml();

        SamlAuthnRequest first = accepted(checkPost(xml));
        SamlAuthnRequest replayed = accepted(checkPost(xml)); // valid in itself: only the cache can tell

        assertTrue(guard.firstUse("demo", first).await().indefinitely());
        assertFalse(guard.firstUse("demo", replayed).await().indefinitely());
        Instant until = cache.seen.values().iterator().next();
        // at least as long as the validator would still accept it (IssueInstant + 5 min max age + 3 min skew)
        assertTrue(!until.isBefore(sent.issueInstant.plus(Duration.ofMinutes(8))), until.toString());
    }

    @Test
    void requestIdsHaveAKeySpaceOfTheirOwnPerSp() {
        InMemoryReplayCache cache = new InMemoryReplayCache();
        AuthnRequestReplayGuard guard = new AuthnRequestReplayGuard(cache);
        SamlAuthnRequest request = accepted(checkPost(TestAuthnRequests.request().signedXml()));
        // a client assertion jti equal to the request ID, by a client named like the SP
        cache.firstUse("demo", request.spEntityId(), request.id(), Instant.now().plusSeconds(60));

        assertTrue(guard.firstUse("demo", request).await().indefinitely());
        assertEquals(2, cache.seen.size());
        SamlAuthnRequest otherSp = new SamlAuthnRequest(request.id(), "https://other-sp.example", request.acs(),
                null, null, false, false, "", request.rememberUntil());
        assertTrue(guard.firstUse("demo", otherSp).await().indefinitely());
    }

    @Test
    void anUnsolicitedResponseHasNoRequestToRememberSoTheGuardRefusesToBeAsked() {
        AuthnRequestReplayGuard guard = new AuthnRequestReplayGuard(new InMemoryReplayCache());
        SamlAuthnRequest request = accepted(checkPost(TestAuthnRequests.request().signedXml()));
        SamlAuthnRequest unsolicited = new SamlAuthnRequest(null, request.spEntityId(), request.acs(), null, null,
                false, false, "", null);

        assertThrows(IllegalArgumentException.class, () -> guard.firstUse("demo", unsolicited));
    }
}
