package dev.arbor.federation.adapter.out.grpc;

import dev.arbor.contracts.authtree.v1.GetIdentityClaimsRequest;
import dev.arbor.contracts.authtree.v1.IdentityService;
import dev.arbor.federation.port.IdentityGateway;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@link IdentityGateway} over gRPC to authtree-service (client {@code authtree}). */
@ApplicationScoped
public class GrpcIdentityGateway implements IdentityGateway {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final IdentityService identities;

    public GrpcIdentityGateway(@GrpcClient("authtree") IdentityService identities) {
        this.identities = identities;
    }

    @Override
    public Uni<Optional<Map<String, String>>> claims(String realm, String subject) {
        return identities.getIdentityClaims(GetIdentityClaimsRequest.newBuilder()
                        .setRealm(realm).setSubject(subject).build())
                .ifNoItem().after(DEADLINE).fail()
                .map(r -> r.getFound() ? Optional.of(Map.copyOf(r.getClaimsMap())) : Optional.empty());
    }
}
