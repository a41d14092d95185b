package dev.arbor.authtree.adapter.in.grpc;

import dev.arbor.authtree.domain.identity.IdentityClaims;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.contracts.authtree.v1.GetIdentityClaimsRequest;
import dev.arbor.contracts.authtree.v1.GetIdentityClaimsResponse;
import dev.arbor.contracts.authtree.v1.IdentityService;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code arbor.authtree.v1.IdentityService}: the OIDC Core §5.1 claims of an identity, for federation's
 * userinfo and ID tokens. {@code subject} is the identity's UUID; anything else is simply not found.
 */
@GrpcService
public class IdentityGrpcService implements IdentityService {
    private final IdentityRepository identities;

    public IdentityGrpcService(IdentityRepository identities) {
        this.identities = identities;
    }

    @Override
    @Blocking
    public Uni<GetIdentityClaimsResponse> getIdentityClaims(GetIdentityClaimsRequest request) {
        GetIdentityClaimsResponse notFound = GetIdentityClaimsResponse.newBuilder().setFound(false).build();
        GetIdentityClaimsResponse response = parse(request.getSubject())
                .flatMap(id -> identities.findById(request.getRealm(), id))
                .map(identity -> GetIdentityClaimsResponse.newBuilder()
                        .setFound(true)
                        .putAllClaims(IdentityClaims.of(identity))
                        .build())
                .orElse(notFound);
        return Uni.createFrom().item(response);
    }

    private static Optional<UUID> parse(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
