package dev.arbor.authtree.adapter.in.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.contracts.authtree.v1.GetIdentityClaimsRequest;
import dev.arbor.contracts.authtree.v1.GetIdentityClaimsResponse;
import dev.arbor.contracts.authtree.v1.IdentityServiceGrpc;
import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IdentityGrpcServiceTest {
    @GrpcClient("authtree")
    IdentityServiceGrpc.IdentityServiceBlockingStub identities;

    @Inject
    IdentityRepository repository;

    @Test
    void claimsOfAliceAreSubPreferredUsernameAndHerStoredClaims() {
        String subject = repository.findByUsername("test", "alice").orElseThrow().id().toString();

        GetIdentityClaimsResponse response = identities.getIdentityClaims(
                GetIdentityClaimsRequest.newBuilder().setRealm("test").setSubject(subject).build());

        assertTrue(response.getFound());
        assertEquals(subject, response.getClaimsOrThrow("sub"));
        assertEquals("alice", response.getClaimsOrThrow("preferred_username"));
        assertEquals("Alice Liddell", response.getClaimsOrThrow("name"));
        assertEquals("alice@example.com", response.getClaimsOrThrow("email"));
        assertEquals("true", response.getClaimsOrThrow("email_verified"));
        assertFalse(response.getClaimsMap().containsKey("password_hash"));
    }

    @Test
    void unknownSubjectWrongRealmAndNonUuidSubjectAreNotFound() {
        String subject = repository.findByUsername("test", "alice").orElseThrow().id().toString();

        assertFalse(find("test", UUID.randomUUID().toString()).getFound());
        assertFalse(find("second", subject).getFound());
        assertFalse(find("test", "alice").getFound());
    }

    private GetIdentityClaimsResponse find(String realm, String subject) {
        return identities.getIdentityClaims(GetIdentityClaimsRequest.newBuilder().setRealm(realm).setSubject(subject).build());
    }
}
