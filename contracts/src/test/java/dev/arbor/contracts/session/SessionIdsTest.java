package dev.arbor.contracts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionIdsTest {

    @Test
    void theSidIsStableUrlSafeAndNeverTheIdItself() {
        String id = "Q2hhcmxlcyBMdXR3aWRnZSBEb2Rnc29uIGFrYSBMZXdpcyBDYXJyb2xs";

        String sid = SessionIds.sid(id);

        assertEquals(sid, SessionIds.sid(id));
        assertEquals(22, sid.length());
        assertTrue(sid.matches("[A-Za-z0-9_-]{22}"), sid);
        assertTrue(!id.contains(sid) && !sid.contains(id.substring(0, 8)));
        assertNotEquals(sid, SessionIds.sid(id + "x"));
    }

    @Test
    void aKnownIdGivesItsKnownSid() {
        // SHA-256("arbor-sid-v1:" + "s-1"), first 16 bytes, base64url: changing the derivation breaks every
        // sid already in tokens and on the topic, so it is pinned here.
        assertEquals(SessionIds.sid("s-1"), SessionIds.sid(new String("s-1")));
        assertEquals(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(
                sha256("arbor-sid-v1:s-1"), 16)), SessionIds.sid("s-1"));
    }

    @Test
    void noIdNoSid() {
        assertThrows(IllegalArgumentException.class, () -> SessionIds.sid(""));
        assertThrows(IllegalArgumentException.class, () -> SessionIds.sid(null));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
