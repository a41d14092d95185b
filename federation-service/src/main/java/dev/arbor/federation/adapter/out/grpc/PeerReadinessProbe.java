package dev.arbor.federation.adapter.out.grpc;

import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import grpc.health.v1.MutinyHealthGrpc.MutinyHealthStub;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Asks a gRPC peer's standard health service ({@code grpc.health.v1.Health/Check}, overall status)
 * with a short deadline. Down when it does not answer SERVING in time; the reason stays in the log.
 */
final class PeerReadinessProbe {
    private PeerReadinessProbe() {
    }

    static Uni<HealthCheckResponse> check(String name, MutinyHealthStub health, Duration timeout) {
        return health.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .check(HealthCheckRequest.newBuilder().build())
                .map(r -> HealthCheckResponse.named(name)
                        .status(r.getStatus() == ServingStatus.SERVING)
                        .withData("status", r.getStatus().name())
                        .build())
                .onFailure().recoverWithItem(() -> HealthCheckResponse.named(name).down()
                        .withData("status", "UNREACHABLE").build());
    }
}
