package dev.arbor.federation.adapter.out.grpc;

import dev.arbor.contracts.token.v1.ListRevocationsRequest;
import dev.arbor.contracts.token.v1.ListRevocationsResponse;
import dev.arbor.contracts.token.v1.Revocation;
import dev.arbor.contracts.token.v1.RevokeRefreshTokenRequest;
import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import dev.arbor.contracts.token.v1.RevokeTokenResponse;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.federation.port.RevocationGateway;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/** {@link RevocationGateway} over gRPC to token-service (client {@code token}). */
@ApplicationScoped
public class GrpcRevocationGateway implements RevocationGateway {
    /** RevokeToken waits for the Kafka broker's acknowledgement: allow for it. */
    private static final Duration REVOKE_DEADLINE = Duration.ofSeconds(10);
    private static final Duration LIST_DEADLINE = Duration.ofSeconds(10);

    private final TokenService token;

    public GrpcRevocationGateway(@GrpcClient("token") TokenService token) {
        this.token = token;
    }

    @Override
    public Uni<Boolean> revoke(RevokeTokenRequest request) {
        return token.revokeToken(request).ifNoItem().after(REVOKE_DEADLINE).fail()
                .map(RevokeTokenResponse::getRevoked);
    }

    @Override
    public Uni<Boolean> revokeRefreshToken(RevokeRefreshTokenRequest request) {
        return token.revokeRefreshToken(request).ifNoItem().after(REVOKE_DEADLINE).fail()
                .map(RevokeTokenResponse::getRevoked);
    }

    @Override
    public Uni<List<Revocation>> current(String realm) {
        return token.listRevocations(ListRevocationsRequest.newBuilder().setRealm(realm).build())
                .ifNoItem().after(LIST_DEADLINE).fail()
                .map(ListRevocationsResponse::getRevocationsList);
    }
}
