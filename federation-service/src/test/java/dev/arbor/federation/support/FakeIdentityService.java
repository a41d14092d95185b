package dev.arbor.federation.support;

import dev.arbor.contracts.authtree.v1.GetIdentityClaimsRequest;
import dev.arbor.contracts.authtree.v1.GetIdentityClaimsResponse;
import dev.arbor.contracts.authtree.v1.MutinyIdentityServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * A fake of the PEER authtree-service: knows alice of the demo realm, also under subjects {@code alice+<anything>}
 * (the same claims), so a test can have a user of its own whose remembered state no other test touches.
 */
@GrpcService
public class FakeIdentityService extends MutinyIdentityServiceGrpc.IdentityServiceImplBase {
    public static final Map<String, String> ALICE = Map.of("name", "Alice Liddell", "given_name", "Alice",
            "family_name", "Liddell", "preferred_username", "alice", "email", "alice@example.com",
            "email_verified", "true", "phone_number", "+44 not released");

    @Override
    public Uni<GetIdentityClaimsResponse> getIdentityClaims(GetIdentityClaimsRequest request) {
        if ("demo".equals(request.getRealm()) && ("alice".equals(request.getSubject())
                || request.getSubject().startsWith("alice+"))) {
            return Uni.createFrom().item(GetIdentityClaimsResponse.newBuilder().setFound(true).putAllClaims(ALICE).build());
        }
        return Uni.createFrom().item(GetIdentityClaimsResponse.newBuilder().setFound(false).build());
    }
}
