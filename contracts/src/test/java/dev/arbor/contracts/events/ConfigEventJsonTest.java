package dev.arbor.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConfigEventJsonTest {

    @Test
    void clientChangedRoundTripsWithItsTypeNameAndWithoutItsKey() {
        var changed = new ConfigEvent.ClientChanged("e-1", Instant.parse("2026-11-26T07:00:00Z"), "demo", "test-rp");

        String json = EventJson.write(changed);
        ConfigEvent read = EventJson.read(json, ConfigEvent.class);

        assertTrue(json.contains("\"type\":\"client.changed\""), json);
        assertFalse(json.contains("\"key\""), json);
        assertEquals(changed, assertInstanceOf(ConfigEvent.ClientChanged.class, read));
        assertEquals("demo/test-rp", read.key());
    }

    @Test
    void realmChangedRoundTripsKeyedByTheRealm() {
        var changed = new ConfigEvent.RealmChanged("e-2", Instant.parse("2026-11-26T07:00:00Z"), "demo");

        ConfigEvent read = EventJson.read(EventJson.write(changed), ConfigEvent.class);

        assertEquals(changed, assertInstanceOf(ConfigEvent.RealmChanged.class, read));
        assertEquals("demo", read.key());
    }

    @Test
    void samlKeyActivatedRoundTripsWithItsTypeNameKeyedByTheRealm() {
        var changed = new ConfigEvent.SamlKeyActivated("e-3", Instant.parse("2026-11-27T01:00:00Z"), "demo", "signing",
                "kEghZ5cQ");

        String json = EventJson.write(changed);
        ConfigEvent read = EventJson.read(json, ConfigEvent.class);

        assertTrue(json.contains("\"type\":\"saml_key.activated\""), json);
        assertEquals(changed, assertInstanceOf(ConfigEvent.SamlKeyActivated.class, read));
        assertEquals("demo", read.key());
    }

    @Test
    void serviceProviderChangedRoundTripsWithItsTypeNameKeyedByRealmAndEntityId() {
        var changed = new ConfigEvent.ServiceProviderChanged("e-4", Instant.parse("2026-11-27T05:30:00Z"), "demo",
                "https://sp.example.org/shibboleth");

        String json = EventJson.write(changed);
        ConfigEvent read = EventJson.read(json, ConfigEvent.class);

        assertTrue(json.contains("\"type\":\"saml_sp.changed\""), json);
        assertEquals(changed, assertInstanceOf(ConfigEvent.ServiceProviderChanged.class, read));
        assertEquals("demo/https://sp.example.org/shibboleth", read.key());
    }

    @Test
    void aTokenEventIsNoConfigEvent() {
        assertThrows(IllegalArgumentException.class,
                () -> EventJson.read("{\"type\":\"token.revoked\",\"id\":\"e\"}", ConfigEvent.class));
    }
}
