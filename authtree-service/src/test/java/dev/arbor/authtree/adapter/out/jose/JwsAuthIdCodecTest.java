package dev.arbor.authtree.adapter.out.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.journey.AuthId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwsAuthIdCodecTest {
    private static final String KEY = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final AuthId authId = new AuthId("j-1", "test", 3, NOW.plusSeconds(600));

    private static JwsAuthIdCodec at(Instant instant) {
        return new JwsAuthIdCodec(KEY, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void encodedAuthIdDecodesToTheSameClaims() {
        assertEquals(Optional.of(authId), at(NOW).decode(at(NOW).encode(authId)));
    }

    @Test
    void authIdPastItsExpiryIsRefused() {
        String token = at(NOW).encode(authId);
        assertTrue(at(NOW.plusSeconds(601)).decode(token).isEmpty());
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = at(NOW).encode(authId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"ver\":3", "\"ver\":4");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertTrue(at(NOW).decode(forged).isEmpty());
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String[] parts = at(NOW).encode(authId).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(at(NOW).decode(none + "." + parts[1] + ".").isEmpty());
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        String otherKey = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        String token = new JwsAuthIdCodec(otherKey, Clock.fixed(NOW, ZoneOffset.UTC)).encode(authId);
        assertTrue(at(NOW).decode(token).isEmpty());
    }

    @Test
    void garbageIsRefused() {
        assertTrue(at(NOW).decode("not.a.jws").isEmpty());
        assertTrue(at(NOW).decode("").isEmpty());
    }
}
