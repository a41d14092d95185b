package dev.arbor.federation.adapter.out.kafka;

import dev.arbor.contracts.events.ConfigEvent;
import dev.arbor.contracts.events.EventJson;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.SamlKeyChangePublisher;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code client.changed}, {@code saml_sp.changed}, {@code realm.changed} and {@code saml_key.activated} on
 * {@code arbor.config.v1} (channel {@code config-changes}; idempotent producer with {@code acks=all},
 * see application.properties), keyed by {@code realm/clientId}, {@code realm/entityID} or the realm. The
 * returned Uni completes on the broker's acknowledgement and fails with {@link NotPropagated} when the broker refused or was unreachable.
 */
@ApplicationScoped
public class KafkaClientChangePublisher implements ClientChangePublisher, SamlKeyChangePublisher {
    static final String CHANNEL = "config-changes";

    private final MutinyEmitter<String> emitter;
    private final Clock clock;

    public KafkaClientChangePublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    @Override
    public Uni<Void> clientChanged(String realm, String clientId) {
        return send(new ConfigEvent.ClientChanged(UUID.randomUUID().toString(), clock.instant(), realm, clientId));
    }

    @Override
    public Uni<Void> serviceProviderChanged(String realm, String entityId) {
        return send(new ConfigEvent.ServiceProviderChanged(UUID.randomUUID().toString(), clock.instant(), realm,
                entityId));
    }

    @Override
    public Uni<Void> realmChanged(String realm) {
        return send(new ConfigEvent.RealmChanged(UUID.randomUUID().toString(), clock.instant(), realm));
    }

    @Override
    public Uni<Void> samlKeyActivated(String realm, SamlKeyUse use, String keyId) {
        return send(new ConfigEvent.SamlKeyActivated(UUID.randomUUID().toString(), clock.instant(), realm, use.value(),
                keyId));
    }

    private Uni<Void> send(ConfigEvent event) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build();
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(EventJson.write(event)).addMetadata(metadata)))
                .onFailure().transform(e -> new NotPropagated(event.type() + " of " + event.key(), e));
    }
}
