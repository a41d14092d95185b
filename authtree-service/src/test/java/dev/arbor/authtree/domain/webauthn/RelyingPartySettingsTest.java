package dev.arbor.authtree.domain.webauthn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The realm's relying-party section is validated at start-up; user handles round-trip. */
class RelyingPartySettingsTest {
    @Test
    void originsMustBeBareOriginsWithinTheRpId() {
        new RelyingPartySettings("example.com", "Ex", List.of("https://login.example.com", "https://example.com:8443"));

        assertThrows(IllegalArgumentException.class,
                () -> new RelyingPartySettings("example.com", "Ex", List.of("https://evil-example.com")));
        assertThrows(IllegalArgumentException.class,
                () -> new RelyingPartySettings("example.com", "Ex", List.of("https://example.com/login")));
        assertThrows(IllegalArgumentException.class, () -> new RelyingPartySettings("example.com", "Ex", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new RelyingPartySettings("http://example.com", "Ex", List.of("https://example.com")));
    }

    @Test
    void publicUrlFallbackUsesItsHostAndOrigin() {
        RelyingPartySettings rp = RelyingPartySettings.fromPublicUrl("http://localhost:8080/");

        assertEquals("localhost", rp.rpId());
        assertEquals(List.of("http://localhost:8080"), rp.origins());
    }

    @Test
    void userHandleIsTheSixteenBytesOfTheIdentityId() {
        UUID id = UUID.randomUUID();

        assertEquals(16, UserHandles.of(id).length);
        assertEquals(id, UserHandles.subject(UserHandles.of(id)).orElseThrow());
        assertEquals(java.util.Optional.empty(), UserHandles.subject(new byte[17]));
    }
}
