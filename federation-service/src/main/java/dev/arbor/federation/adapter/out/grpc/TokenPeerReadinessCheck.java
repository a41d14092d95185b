package dev.arbor.federation.adapter.out.grpc;

import dev.arbor.federation.config.ArborConfig;
import grpc.health.v1.MutinyHealthGrpc.MutinyHealthStub;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while token-service answers its gRPC health check. */
@Readiness
@ApplicationScoped
public class TokenPeerReadinessCheck implements AsyncHealthCheck {
    private final MutinyHealthStub health;
    private final ArborConfig config;

    public TokenPeerReadinessCheck(@GrpcClient("token") MutinyHealthStub health, ArborConfig config) {
        this.health = health;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return PeerReadinessProbe.check("grpc-peer-token", health, config.federation().peerHealthTimeout());
    }
}
