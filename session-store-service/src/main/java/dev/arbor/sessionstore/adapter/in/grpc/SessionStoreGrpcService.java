package dev.arbor.sessionstore.adapter.in.grpc;

import com.google.protobuf.ByteString;
import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.DeleteJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.DeleteJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionResponse;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionResponse;
import dev.arbor.contracts.sessionstore.v1.ListSessionsRequest;
import dev.arbor.contracts.sessionstore.v1.ListSessionsResponse;
import dev.arbor.contracts.sessionstore.v1.MutinySessionStoreGrpc;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.SealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.SealNodeResultResponse;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultResponse;
import dev.arbor.sessionstore.domain.InvalidRequestException;
import dev.arbor.sessionstore.domain.journey.JourneyStateService;
import dev.arbor.sessionstore.domain.session.NodeResultSealing;
import dev.arbor.sessionstore.domain.session.SsoSessionService;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@code arbor.sessionstore.v1.SessionStore}: maps messages and delegates to the domain services.
 * Journey state keeps a step from being replayed (compare-and-set on a version); SSO sessions are
 * scoped to their realm; node results are sealed for cookies and opened again (never an error for a value
 * that does not open: {@code valid=false}).
 */
@GrpcService
public class SessionStoreGrpcService extends MutinySessionStoreGrpc.SessionStoreImplBase {
    private final JourneyStateService journeys;
    private final SsoSessionService sessions;
    private final NodeResultSealing sealing;

    public SessionStoreGrpcService(JourneyStateService journeys, SsoSessionService sessions,
                                   NodeResultSealing sealing) {
        this.journeys = journeys;
        this.sessions = sessions;
        this.sealing = sealing;
    }

    @Override
    public Uni<PutJourneyStateResponse> putJourneyState(PutJourneyStateRequest request) {
        return call("PutJourneyState", () -> journeys.put(request.getJourneyId(), request.getExpectedVersion(),
                request.getState().toByteArray(), request.getTtlSeconds()))
                .map(version -> PutJourneyStateResponse.newBuilder()
                        .setStored(version.isPresent())
                        .setVersion(version.orElse(0))
                        .build());
    }

    @Override
    public Uni<GetJourneyStateResponse> getJourneyState(GetJourneyStateRequest request) {
        return call("GetJourneyState", () -> journeys.get(request.getJourneyId()))
                .map(found -> found
                        .map(state -> GetJourneyStateResponse.newBuilder()
                                .setFound(true)
                                .setVersion(state.version())
                                .setState(ByteString.copyFrom(state.state()))
                                .build())
                        .orElseGet(GetJourneyStateResponse::getDefaultInstance));
    }

    @Override
    public Uni<DeleteJourneyStateResponse> deleteJourneyState(DeleteJourneyStateRequest request) {
        return call("DeleteJourneyState", () -> journeys.delete(request.getJourneyId()))
                .map(deleted -> DeleteJourneyStateResponse.newBuilder().setDeleted(deleted).build());
    }

    @Override
    public Uni<Session> createSession(CreateSessionRequest request) {
        return call("CreateSession", () -> sessions.create(SessionMessages.toNewSession(request)))
                .map(SessionMessages::toMessage);
    }

    @Override
    public Uni<GetSessionResponse> getSession(GetSessionRequest request) {
        return call("GetSession", () -> sessions.find(request.getRealm(), request.getId()))
                .map(found -> found
                        .map(session -> GetSessionResponse.newBuilder()
                                .setFound(true)
                                .setSession(SessionMessages.toMessage(session))
                                .build())
                        .orElseGet(GetSessionResponse::getDefaultInstance));
    }

    @Override
    public Uni<EndSessionResponse> endSession(EndSessionRequest request) {
        return call("EndSession", () -> sessions.end(request.getRealm(), request.getId(), request.getReason()))
                .map(ended -> EndSessionResponse.newBuilder().setEnded(ended).build());
    }

    @Override
    public Uni<ListSessionsResponse> listSessions(ListSessionsRequest request) {
        return call("ListSessions", () -> sessions.list(request.getRealm(), request.getSubject()))
                .map(found -> ListSessionsResponse.newBuilder()
                        .addAllSessions(found.stream().map(SessionMessages::toMessage).toList())
                        .build());
    }

    @Override
    public Uni<SealNodeResultResponse> sealNodeResult(SealNodeResultRequest request) {
        return call("SealNodeResult", () -> {
            if (!request.hasResult()) {
                throw new InvalidRequestException("result is required");
            }
            String sealed = sealing.seal(request.getRealm(), SessionMessages.toResult(request.getResult()));
            return CompletableFuture.completedFuture(SealNodeResultResponse.newBuilder().setSealed(sealed).build());
        });
    }

    @Override
    public Uni<UnsealNodeResultResponse> unsealNodeResult(UnsealNodeResultRequest request) {
        return call("UnsealNodeResult", () -> sealing.unseal(request.getRealm(), request.getSealed()))
                .map(opened -> opened
                        .map(result -> UnsealNodeResultResponse.newBuilder()
                                .setValid(true)
                                .setResult(SessionMessages.toMessage(result))
                                .build())
                        .orElseGet(() -> UnsealNodeResultResponse.newBuilder().setValid(false).build()));
    }

    /** The supplier form also turns a validation exception thrown before any I/O into a failed Uni. */
    private static <T> Uni<T> call(String rpc, Supplier<CompletionStage<T>> work) {
        return Uni.createFrom().completionStage(work)
                .onFailure().transform(failure -> GrpcErrors.toStatus(failure, rpc));
    }
}
