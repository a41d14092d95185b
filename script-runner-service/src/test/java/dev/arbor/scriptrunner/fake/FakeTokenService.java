package dev.arbor.scriptrunner.fake;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.GetJwksResponse;
import dev.arbor.contracts.token.v1.MutinyTokenServiceGrpc;
import dev.arbor.testing.AdminTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake of the PEER token-service on this service's test server: serves the admin realm's JWKS only. */
@GrpcService
public class FakeTokenService extends MutinyTokenServiceGrpc.TokenServiceImplBase {
    public static final AtomicInteger JWKS_CALLS = new AtomicInteger();

    @Override
    public Uni<GetJwksResponse> getJwks(GetJwksRequest request) {
        JWKS_CALLS.incrementAndGet();
        if (!"admin".equals(request.getRealm())) {
            return Uni.createFrom().failure(Status.NOT_FOUND.asRuntimeException());
        }
        return Uni.createFrom().item(GetJwksResponse.newBuilder().setJwksJson(AdminTokens.jwksJson()).build());
    }
}
