package dev.arbor.federation.adapter.in.kafka;

import dev.arbor.contracts.events.ConfigEvent;
import dev.arbor.contracts.events.EventJson;
import dev.arbor.federation.adapter.out.cache.ClientCache;
import dev.arbor.federation.adapter.out.keys.SamlKeyCache;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code arbor.config.v1} into this replica's {@link ClientCache} and {@link SamlKeyCache}: a
 * changed client or SAML service provider (or realm) is evicted, as are a realm's current SAML keys when
 * one of them was replaced ({@code saml_key.activated}), so the next request reads the store again. Every replica has
 * its own consumer group, so each sees every event; evicting twice is harmless, so redelivery is too.
 * A malformed event is logged (without its payload) and skipped.
 */
@ApplicationScoped
public class ConfigEventsConsumer {
    private static final Logger LOG = Logger.getLogger(ConfigEventsConsumer.class);
    static final String METRIC = "arbor.federation.config.events";

    private final ClientCache cache;
    private final SamlKeyCache samlKeys;
    private final MeterRegistry metrics;

    public ConfigEventsConsumer(ClientCache cache, SamlKeyCache samlKeys, MeterRegistry metrics) {
        this.cache = cache;
        this.samlKeys = samlKeys;
        this.metrics = metrics;
    }

    @Incoming("config-events")
    public void consume(String payload) {
        ConfigEvent event = parse(payload);
        if (event == null) {
            LOG.warnf("skipped a malformed event on arbor.config.v1 (%d characters)",
                    payload == null ? 0 : payload.length());
            metrics.counter(METRIC, "type", "malformed").increment();
            return;
        }
        switch (event) {
            case ConfigEvent.ClientChanged c -> cache.evictClient(c.realm(), c.clientId());
            case ConfigEvent.ServiceProviderChanged s -> cache.evictServiceProvider(s.realm(), s.entityId());
            case ConfigEvent.RealmChanged r -> cache.evictRealm(r.realm());
            case ConfigEvent.SamlKeyActivated k -> samlKeys.evictRealm(k.realm());
        }
        metrics.counter(METRIC, "type", event.type()).increment();
    }

    private static ConfigEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        try {
            ConfigEvent event = EventJson.read(payload, ConfigEvent.class);
            return event == null || event.realm() == null
                    || event instanceof ConfigEvent.ClientChanged c && c.clientId() == null
                    || event instanceof ConfigEvent.ServiceProviderChanged s && s.entityId() == null ? null : event;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
