package dev.arbor.sessionstore.adapter.in.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.arbor.contracts.sessionstore.v1.DeleteJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.SessionStoreGrpc;
import dev.arbor.sessionstore.config.SessionStoreConfig;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.RedisTestPrefix;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class JourneyStateGrpcTest {
    @GrpcClient("session-store")
    SessionStoreGrpc.SessionStoreBlockingStub store;

    @Inject
    RedisDataSource redis;

    @Inject
    SessionStoreConfig config;

    @Test
    void putWithVersionZeroCreatesVersionOneAndEachPutAdvancesTheVersion() {
        String journey = newJourneyId();

        PutJourneyStateResponse first = store.putJourneyState(put(journey, 0, "step-1", 600));
        PutJourneyStateResponse second = store.putJourneyState(put(journey, 1, "step-2", 600));

        assertTrue(first.getStored());
        assertEquals(1, first.getVersion());
        assertTrue(second.getStored());
        assertEquals(2, second.getVersion());
        GetJourneyStateResponse read = store.getJourneyState(get(journey));
        assertTrue(read.getFound());
        assertEquals(2, read.getVersion());
        assertEquals("step-2", read.getState().toStringUtf8());
    }

    @Test
    void putWithStaleVersionIsRefusedAndLeavesStateUnchanged() {
        String journey = newJourneyId();
        store.putJourneyState(put(journey, 0, "step-1", 600));
        store.putJourneyState(put(journey, 1, "step-2", 600));

        PutJourneyStateResponse replay = store.putJourneyState(put(journey, 1, "replayed-step-2", 600));

        assertFalse(replay.getStored());
        GetJourneyStateResponse read = store.getJourneyState(get(journey));
        assertEquals(2, read.getVersion());
        assertEquals("step-2", read.getState().toStringUtf8());
    }

    @Test
    void putWithVersionZeroWhenJourneyExistsIsRefused() {
        String journey = newJourneyId();
        store.putJourneyState(put(journey, 0, "original", 600));

        PutJourneyStateResponse again = store.putJourneyState(put(journey, 0, "hijack", 600));

        assertFalse(again.getStored());
        assertEquals("original", store.getJourneyState(get(journey)).getState().toStringUtf8());
    }

    @Test
    void putWithNonZeroVersionWhenJourneyMissingOrExpiredIsRefused() {
        PutJourneyStateResponse response = store.putJourneyState(put(newJourneyId(), 3, "state", 600));

        assertFalse(response.getStored());
    }

    @Test
    void putAppliesTheRequestedTtlToTheRedisKey() {
        String journey = newJourneyId();

        store.putJourneyState(put(journey, 0, "state", 120));

        long pttl = redis.key().pttl(config.redis().keyPrefix() + "journey:" + journey);
        assertTrue(pttl > 110_000 && pttl <= 120_000, "PTTL was " + pttl);
    }

    @Test
    void putCapsTheTtlAtTheConfiguredMaximum() {
        String journey = newJourneyId();

        store.putJourneyState(put(journey, 0, "state", Duration.ofDays(30).toSeconds()));

        long pttl = redis.key().pttl(config.redis().keyPrefix() + "journey:" + journey);
        long max = config.sessionstore().maxJourneyTtl().toMillis();
        assertTrue(pttl > max - 10_000 && pttl <= max, "PTTL was " + pttl);
    }

    @Test
    void eachSuccessfulPutRenewsTheTtl() {
        String journey = newJourneyId();
        store.putJourneyState(put(journey, 0, "state", 60));

        store.putJourneyState(put(journey, 1, "state", 300));

        long pttl = redis.key().pttl(config.redis().keyPrefix() + "journey:" + journey);
        assertTrue(pttl > 290_000, "PTTL was " + pttl);
    }

    @Test
    void binaryStateRoundTripsUnchanged() {
        String journey = newJourneyId();
        byte[] state = {0, 1, (byte) 0xff, 0x7f, (byte) 0x80, 10, 13};

        store.putJourneyState(PutJourneyStateRequest.newBuilder().setJourneyId(journey).setExpectedVersion(0)
                .setState(ByteString.copyFrom(state)).setTtlSeconds(60).build());

        assertArrayEquals(state, store.getJourneyState(get(journey)).getState().toByteArray());
    }

    @Test
    void getOfUnknownJourneyIsNotFound() {
        assertFalse(store.getJourneyState(get(newJourneyId())).getFound());
    }

    @Test
    void deleteRemovesTheJourneyOnceAndThenReportsNothingDeleted() {
        String journey = newJourneyId();
        store.putJourneyState(put(journey, 0, "state", 60));

        boolean first = store.deleteJourneyState(delete(journey)).getDeleted();
        boolean second = store.deleteJourneyState(delete(journey)).getDeleted();

        assertTrue(first);
        assertFalse(second);
        assertFalse(store.getJourneyState(get(journey)).getFound());
    }

    @Test
    void blankJourneyIdIsInvalidArgument() {
        var error = assertThrows(StatusRuntimeException.class, () -> store.putJourneyState(put(" ", 0, "s", 60)));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    }

    @Test
    void negativeExpectedVersionIsInvalidArgument() {
        var error = assertThrows(StatusRuntimeException.class,
                () -> store.putJourneyState(put(newJourneyId(), -1, "s", 60)));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    }

    private static String newJourneyId() {
        return UUID.randomUUID().toString();
    }

    private static PutJourneyStateRequest put(String journey, long expectedVersion, String state, long ttlSeconds) {
        return PutJourneyStateRequest.newBuilder()
                .setJourneyId(journey)
                .setExpectedVersion(expectedVersion)
                .setState(ByteString.copyFrom(state, StandardCharsets.UTF_8))
                .setTtlSeconds(ttlSeconds)
                .build();
    }

    private static GetJourneyStateRequest get(String journey) {
        return GetJourneyStateRequest.newBuilder().setJourneyId(journey).build();
    }

    private static DeleteJourneyStateRequest delete(String journey) {
        return DeleteJourneyStateRequest.newBuilder().setJourneyId(journey).build();
    }
}
