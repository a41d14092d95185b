package dev.arbor.token.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OIDC Core §2 and §5.1: registered claims are the issuer's; profile claims get their JSON types. */
class IdTokenClaimsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void profileClaimCannotOverrideARegisteredClaim() {
        EndUser alice = new EndUser("alice", "", 0, "", List.of(),
                Map.of("sub", "mallory", "iss", "https://evil.example", "name", "Alice"));

        Map<String, Object> claims = IdTokenClaims.of(request(alice), NOW, Duration.ofMinutes(5), "hash");

        assertEquals("alice", claims.get("sub"));
        assertEquals("http://localhost:8080/realms/demo", claims.get("iss"));
        assertEquals("Alice", claims.get("name"));
    }

    @Test
    void verifiedFlagsAreBooleansAndEmptyAuthenticationValuesAreLeftOut() {
        EndUser alice = new EndUser("alice", "", 0, "", List.of(),
                Map.of("email_verified", "false", "phone_number_verified", "true", "updated_at", "1700000000"));

        Map<String, Object> claims = IdTokenClaims.of(request(alice), NOW, Duration.ofMinutes(5), "hash");

        assertEquals(Boolean.FALSE, claims.get("email_verified"));
        assertEquals(Boolean.TRUE, claims.get("phone_number_verified"));
        assertEquals(1_700_000_000L, claims.get("updated_at"));
        assertEquals(NOW.getEpochSecond() + 300, claims.get("exp"));
        List.of("auth_time", "acr", "amr", "sid", "nonce").forEach(name -> assertFalse(claims.containsKey(name), name));
    }

    private static TokenRequest request(EndUser user) {
        return new TokenRequest("demo", "http://localhost:8080/realms/demo", "demo-spa", List.of("openid"), "",
                user, 0);
    }
}
