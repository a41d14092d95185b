package dev.arbor.token.adapter.out.kafka;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.TokenEvent;
import dev.arbor.token.domain.revocation.Revocation;
import dev.arbor.token.port.RevocationPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code token.revoked} on {@code arbor.token.v1} (channel {@code token-events}; idempotent producer
 * with {@code acks=all}, see application.properties), keyed by the token's jti. The returned stage
 * completes on the broker's acknowledgement and fails when the broker refused or was unreachable.
 */
@ApplicationScoped
public class KafkaRevocationPublisher implements RevocationPublisher {
    static final String CHANNEL = "token-events";

    private final MutinyEmitter<String> emitter;

    public KafkaRevocationPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public CompletionStage<Void> publish(Revocation revocation, Instant occurredAt) {
        var event = new TokenEvent.Revoked(UUID.randomUUID().toString(), occurredAt, revocation.realm(),
                revocation.jti(), revocation.expiresAt(), revocation.clientId());
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(revocation.jti()).build();
        return emitter.sendMessage(Message.of(EventJson.write(event)).addMetadata(metadata))
                .subscribeAsCompletionStage();
    }
}
