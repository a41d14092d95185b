package dev.arbor.authtree.adapter.out.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.journey.JourneyState;
import dev.arbor.authtree.port.JourneyStore;
import dev.arbor.contracts.sessionstore.v1.DeleteJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.SessionStoreGrpc;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Journey state kept by session-store: {@link JourneyState} as JSON bytes, written with
 * {@code PutJourneyState}'s compare-and-set on the version. Only shared state is in the record, so no
 * transient value (the password) can reach the bytes.
 */
@ApplicationScoped
public class SessionStoreJourneyStore implements JourneyStore {
    private final SessionStoreGrpc.SessionStoreBlockingStub stub;
    private final ObjectMapper json;
    private final Duration timeout;

    public SessionStoreJourneyStore(@GrpcClient("session-store") SessionStoreGrpc.SessionStoreBlockingStub stub,
            ObjectMapper json, ArborConfig config) {
        this.stub = stub;
        this.json = json;
        this.timeout = config.authtree().peerTimeout();
    }

    @Override
    public Optional<Stored> load(String journeyId) {
        GetJourneyStateResponse response = withDeadline()
                .getJourneyState(GetJourneyStateRequest.newBuilder().setJourneyId(journeyId).build());
        if (!response.getFound()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stored(json.readValue(response.getState().toByteArray(), JourneyState.class),
                    response.getVersion()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public OptionalLong save(JourneyState state, long expectedVersion, Duration ttl) {
        PutJourneyStateResponse response = withDeadline().putJourneyState(PutJourneyStateRequest.newBuilder()
                .setJourneyId(state.journeyId())
                .setExpectedVersion(expectedVersion)
                .setState(ByteString.copyFrom(toBytes(state)))
                .setTtlSeconds(Math.max(1, ttl.toSeconds()))
                .build());
        return response.getStored() ? OptionalLong.of(response.getVersion()) : OptionalLong.empty();
    }

    @Override
    public void delete(String journeyId) {
        withDeadline().deleteJourneyState(DeleteJourneyStateRequest.newBuilder().setJourneyId(journeyId).build());
    }

    private byte[] toBytes(JourneyState state) {
        try {
            return json.writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journey state not serializable", e);
        }
    }

    private SessionStoreGrpc.SessionStoreBlockingStub withDeadline() {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
