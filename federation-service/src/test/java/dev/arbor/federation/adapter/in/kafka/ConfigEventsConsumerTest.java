package dev.arbor.federation.adapter.in.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.contracts.events.ConfigEvent;
import dev.arbor.contracts.events.EventJson;
import dev.arbor.federation.adapter.out.cache.ClientCache;
import dev.arbor.federation.adapter.out.keys.SamlKeyCache;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientType;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.protocol.saml2.TestServiceProviders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigEventsConsumerTest {
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ClientCache cache = new ClientCache(Duration.ofMinutes(5), Duration.ofSeconds(30), 100,
            Ticker.systemTicker(), metrics);
    private final SamlKeyCache samlKeys = new SamlKeyCache(Duration.ofMinutes(1), Ticker.systemTicker());
    private final ConfigEventsConsumer consumer = new ConfigEventsConsumer(cache, samlKeys, metrics);

    private double count(String type) {
        return metrics.counter(ConfigEventsConsumer.METRIC, "type", type).count();
    }

    private void cache(String realm, String clientId) {
        Client client = new Client(realm, clientId, clientId, ClientType.PUBLIC, Optional.empty(),
                List.of("https://rp.example/cb"), List.of("authorization_code"), List.of("openid"));
        cache.client(realm, clientId, () -> Uni.createFrom().item(Optional.of(client))).await().indefinitely();
    }

    @BeforeEach
    void cacheSomeClients() {
        cache("demo", "rp");
        cache("demo", "spa");
        cache("other", "rp");
    }

    @Test
    void clientChangedEvictsThatClientOnlyAndIsCounted() {
        consumer.consume(EventJson.write(new ConfigEvent.ClientChanged("e1", Instant.now(), "demo", "rp")));

        assertFalse(cache.holds("demo", "rp"));
        assertTrue(cache.holds("demo", "spa"));
        assertTrue(cache.holds("other", "rp"));
        assertEquals(1.0, count(ConfigEvent.CLIENT_CHANGED));
    }

    @Test
    void realmChangedEvictsEveryClientOfThatRealm() {
        consumer.consume(EventJson.write(new ConfigEvent.RealmChanged("e2", Instant.now(), "demo")));

        assertFalse(cache.holds("demo", "rp"));
        assertFalse(cache.holds("demo", "spa"));
        assertTrue(cache.holds("other", "rp"));
        assertEquals(1.0, count(ConfigEvent.REALM_CHANGED));
    }

    @Test
    void samlKeyActivatedEvictsThatRealmsCurrentSamlKeysOnly() throws Exception {
        var generator = new dev.arbor.federation.adapter.out.keys.SelfSignedKeyPairsAccess();
        for (String realm : List.of("demo", "other")) {
            for (SamlKeyUse use : SamlKeyUse.values()) {
                generator.hold(samlKeys, realm, use);
            }
        }

        consumer.consume(EventJson.write(new ConfigEvent.SamlKeyActivated("e3", Instant.now(), "demo", "signing", "k")));

        assertFalse(samlKeys.holds("demo", SamlKeyUse.SIGNING));
        assertFalse(samlKeys.holds("demo", SamlKeyUse.ENCRYPTION));
        assertTrue(samlKeys.holds("other", SamlKeyUse.SIGNING));
        assertTrue(cache.holds("demo", "rp"), "clients are not touched");
        assertEquals(1.0, count(ConfigEvent.SAML_KEY_ACTIVATED));
    }

    @Test
    void serviceProviderChangedEvictsThatSpOnlyAndRealmChangedEveryOneOfTheRealm() {
        ServiceProvider sp = TestServiceProviders.sp();
        for (String[] key : new String[][] {{"demo", "https://a.example/sp"}, {"demo", "https://b.example/sp"},
                {"other", "https://a.example/sp"}}) {
            cache.serviceProvider(key[0], key[1], () -> Uni.createFrom().item(Optional.of(sp))).await().indefinitely();
        }

        consumer.consume(EventJson.write(new ConfigEvent.ServiceProviderChanged("e4", Instant.now(), "demo",
                "https://a.example/sp")));

        assertFalse(cache.holdsServiceProvider("demo", "https://a.example/sp"));
        assertTrue(cache.holdsServiceProvider("demo", "https://b.example/sp"));
        assertTrue(cache.holdsServiceProvider("other", "https://a.example/sp"));
        assertTrue(cache.holds("demo", "rp"), "clients are not touched");
        assertEquals(1.0, count(ConfigEvent.SAML_SP_CHANGED));

        consumer.consume(EventJson.write(new ConfigEvent.RealmChanged("e5", Instant.now(), "demo")));

        assertFalse(cache.holdsServiceProvider("demo", "https://b.example/sp"));
        assertTrue(cache.holdsServiceProvider("other", "https://a.example/sp"));
    }

    @Test
    void malformedEventsAreSkippedAndCountedNeverThrown() {
        String[] payloads = {null, "", "null", "{}", "{\"type\":\"client.exploded\"}", "{not json", "[1]",
                "{\"type\":\"client.changed\",\"id\":\"e\",\"realm\":\"demo\"}", "{\"type\":\"realm.changed\",\"id\":\"e\"}",
                "{\"type\":\"saml_sp.changed\",\"id\":\"e\",\"realm\":\"demo\"}"};
        for (String payload : payloads) {
            consumer.consume(payload);
        }

        assertEquals(payloads.length, count("malformed"));
        assertTrue(cache.holds("demo", "rp") && cache.holds("demo", "spa") && cache.holds("other", "rp"));
    }
}
