package dev.arbor.authtree.adapter.out.grpc;

import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import grpc.health.v1.MutinyHealthGrpc;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the gRPC peers this service calls: the standard {@code grpc.health.v1.Health/Check}
 * (gRPC Health Checking Protocol) on session-store and federation, one data entry per peer.
 */
@Readiness
@ApplicationScoped
public class GrpcPeersReadinessCheck implements AsyncHealthCheck {
    private static final Duration DEADLINE = Duration.ofSeconds(1);

    private final Channel sessionStore;
    private final Channel federation;

    public GrpcPeersReadinessCheck(@GrpcClient("session-store") Channel sessionStore,
            @GrpcClient("federation") Channel federation) {
        this.sessionStore = sessionStore;
        this.federation = federation;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.combine().all().unis(status(sessionStore), status(federation)).asTuple().map(t -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("grpc-peers")
                    .withData("session-store", t.getItem1())
                    .withData("federation", t.getItem2());
            boolean up = ServingStatus.SERVING.name().equals(t.getItem1())
                    && ServingStatus.SERVING.name().equals(t.getItem2());
            return builder.status(up).build();
        });
    }

    private static Uni<String> status(Channel channel) {
        return MutinyHealthGrpc.newMutinyStub(channel)
                .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .check(HealthCheckRequest.getDefaultInstance())
                .map(r -> r.getStatus().name())
                .onFailure().recoverWithItem(e -> "UNREACHABLE: " + io.grpc.Status.fromThrowable(e).getCode());
    }
}
