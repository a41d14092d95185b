package dev.arbor.authtree.fake;

import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.DeleteJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.DeleteJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionResponse;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionResponse;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.sessionstore.v1.SessionStore;
import dev.arbor.contracts.sessionstore.v1.ListSessionsRequest;
import dev.arbor.contracts.sessionstore.v1.ListSessionsResponse;
import dev.arbor.contracts.sessionstore.v1.SealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.SealNodeResultResponse;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultResponse;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake of the session-store PEER, served on this service's own test server: journey state in a
 * ConcurrentHashMap with real compare-and-set on the version (TTL not enforced), sessions in memory.
 * It records every state it was given so tests can inspect what authtree persisted.
 */
@GrpcService
public class FakeSessionStore implements SessionStore {
    private record Entry(long version, byte[] state) {
    }

    private final Map<String, Entry> journeys = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<byte[]> writes = new CopyOnWriteArrayList<>();

    @Override
    public Uni<PutJourneyStateResponse> putJourneyState(PutJourneyStateRequest request) {
        long expected = request.getExpectedVersion();
        boolean[] stored = {false};
        Entry result = journeys.compute(request.getJourneyId(), (id, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != expected) {
                return current;
            }
            stored[0] = true;
            return new Entry(expected + 1, request.getState().toByteArray());
        });
        if (stored[0]) {
            writes.add(request.getState().toByteArray());
        }
        return Uni.createFrom().item(PutJourneyStateResponse.newBuilder()
                .setStored(stored[0]).setVersion(stored[0] ? result.version() : 0).build());
    }

    @Override
    public Uni<GetJourneyStateResponse> getJourneyState(GetJourneyStateRequest request) {
        Entry entry = journeys.get(request.getJourneyId());
        GetJourneyStateResponse.Builder response = GetJourneyStateResponse.newBuilder().setFound(entry != null);
        if (entry != null) {
            response.setVersion(entry.version()).setState(com.google.protobuf.ByteString.copyFrom(entry.state()));
        }
        return Uni.createFrom().item(response.build());
    }

    @Override
    public Uni<DeleteJourneyStateResponse> deleteJourneyState(DeleteJourneyStateRequest request) {
        boolean deleted = journeys.remove(request.getJourneyId()) != null;
        return Uni.createFrom().item(DeleteJourneyStateResponse.newBuilder().setDeleted(deleted).build());
    }

    @Override
    public Uni<Session> createSession(CreateSessionRequest request) {
        Session session = Session.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setRealm(request.getRealm())
                .setSubject(request.getSubject())
                .setAuthTime(request.getAuthTime())
                .setAcr(request.getAcr())
                .addAllAmr(request.getAmrList())
                .setExpiresAt(request.getAuthTime() + request.getTtlSeconds())
                .build();
        sessions.put(session.getId(), session);
        return Uni.createFrom().item(session);
    }

    @Override
    public Uni<GetSessionResponse> getSession(GetSessionRequest request) {
        Session session = sessions.get(request.getId());
        GetSessionResponse.Builder response = GetSessionResponse.newBuilder().setFound(session != null);
        if (session != null) {
            response.setSession(session);
        }
        return Uni.createFrom().item(response.build());
    }

    @Override
    public Uni<EndSessionResponse> endSession(EndSessionRequest request) {
        return Uni.createFrom().item(EndSessionResponse.newBuilder()
                .setEnded(sessions.remove(request.getId()) != null).build());
    }

    @Override
    public Uni<ListSessionsResponse> listSessions(ListSessionsRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<SealNodeResultResponse> sealNodeResult(SealNodeResultRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<UnsealNodeResultResponse> unsealNodeResult(UnsealNodeResultRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    public List<byte[]> writes() {
        return List.copyOf(writes);
    }

    public int journeyCount() {
        return journeys.size();
    }

    public Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }
}
