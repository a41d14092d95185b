package dev.arbor.federation.adapter.in.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.contracts.token.v1.TokenPolicy;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.protocol.oauth2.TokenPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The realm YAML keys refreshTokenIdleLifetime / refreshTokenAbsoluteLifetime and the TokenPolicy they become. */
class RealmYamlRefreshLifetimesTest {
    private final RealmYamlReader reader = new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get),
            new ClientSecretHasher("pepper"));

    @TempDir
    Path dir;

    private Client client(String extra) throws IOException {
        Path file = Files.writeString(dir.resolve("realm.yaml"), """
                realm: demo
                clients:
                  - clientId: spa
                    type: public
                    redirectUris: [ "https://app.example/cb" ]
                    grantTypes: [ authorization_code, refresh_token ]
                """ + extra);
        return reader.read(file).clients().getFirst();
    }

    @Test
    void lifetimesAreReadAsIsoDurationsAndSentInSeconds() throws IOException {
        Client spa = client("""
                    refreshTokenIdleLifetime: PT12H
                    refreshTokenAbsoluteLifetime: P7D
                """);

        TokenPolicy policy = TokenPolicies.of(spa);

        assertEquals(Optional.of(Duration.ofHours(12)), spa.refreshTokenLifetimes().idle());
        assertTrue(policy.getRefreshTokens());
        assertEquals(43_200, policy.getRefreshIdleLifetimeSeconds());
        assertEquals(604_800, policy.getRefreshAbsoluteLifetimeSeconds());
    }

    @Test
    void absentLifetimesAreZeroSoTokenServiceUsesItsDefaults() throws IOException {
        TokenPolicy policy = TokenPolicies.of(client(""));

        assertTrue(policy.getRefreshTokens());
        assertEquals(0, policy.getRefreshIdleLifetimeSeconds());
        assertEquals(0, policy.getRefreshAbsoluteLifetimeSeconds());
    }

    @Test
    void malformedZeroOrInconsistentLifetimesAreRefusedNamingTheClient() {
        for (String bad : new String[] {
                "    refreshTokenIdleLifetime: one day\n",
                "    refreshTokenIdleLifetime: PT0S\n",
                "    refreshTokenAbsoluteLifetime: -P1D\n",
                "    refreshTokenIdleLifetime: P2D\n    refreshTokenAbsoluteLifetime: P1D\n"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client(bad));
            assertTrue(e.getMessage().contains("client spa"), e.getMessage());
        }
    }
}
