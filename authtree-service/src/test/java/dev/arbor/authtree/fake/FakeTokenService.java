package dev.arbor.authtree.fake;

import dev.arbor.testing.AdminTokens;
import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.GetJwksResponse;
import dev.arbor.contracts.token.v1.MutinyTokenServiceGrpc;
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
        return Uni.createFrom().item(GetJwksResponse.newBuilder().setJwksJson(AdminTokens.jwksJson()).build());
    }
}
