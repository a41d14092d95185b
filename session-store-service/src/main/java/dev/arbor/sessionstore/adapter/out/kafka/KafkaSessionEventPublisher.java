package dev.arbor.sessionstore.adapter.out.kafka;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.sessionstore.port.SessionEventPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Session events on {@code arbor.session.v1} (channel {@code session-events}; the producer is
 * idempotent with {@code acks=all}, see application.properties). The record key is the session id,
 * so one session's created/ended stay in order on one partition. The returned stage completes on
 * the broker's acknowledgement, and fails when the broker refused or could not be reached.
 */
@ApplicationScoped
public class KafkaSessionEventPublisher implements SessionEventPublisher {
    static final String CHANNEL = "session-events";

    private final MutinyEmitter<String> emitter;

    public KafkaSessionEventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public CompletionStage<Void> publish(SessionEvent event) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.sid()).build();
        return emitter.sendMessage(Message.of(EventJson.write(event)).addMetadata(metadata))
                .subscribeAsCompletionStage();
    }
}
