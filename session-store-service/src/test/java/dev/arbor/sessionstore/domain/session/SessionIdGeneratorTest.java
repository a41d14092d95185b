package dev.arbor.sessionstore.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionIdGeneratorTest {
    private final SessionIdGenerator ids = new SessionIdGenerator(new SecureRandom());

    @Test
    void idIs32RandomBytesInBase64UrlWithoutPadding() {
        String id = ids.next();

        assertEquals(43, id.length());
        assertEquals(32, Base64.getUrlDecoder().decode(id).length);
    }

    @Test
    void twoIdsDiffer() {
        assertNotEquals(ids.next(), ids.next());
    }
}
