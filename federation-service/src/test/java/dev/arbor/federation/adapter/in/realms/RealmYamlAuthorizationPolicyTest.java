package dev.arbor.federation.adapter.in.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.federation.domain.AuthorizationPolicy;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ResponseMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** responseModes, requirePushedAuthorizationRequests and consentRequired in realm YAML. */
class RealmYamlAuthorizationPolicyTest {
    private final RealmYamlReader reader = new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get),
            new ClientSecretHasher("pepper"));

    @TempDir
    Path dir;

    private AuthorizationPolicy policyOf(String extra) throws IOException {
        Path file = Files.writeString(dir.resolve("realm.yaml"), """
                realm: demo
                clients:
                  - clientId: spa
                    type: public
                    redirectUris: [ "https://app.example/cb" ]
                    grantTypes: [ authorization_code ]
                """ + extra);
        return reader.read(file).clients().getFirst().authorizationPolicy();
    }

    @Test
    void withoutSettingsEveryModeIsAllowedAndParIsOptional() throws IOException {
        AuthorizationPolicy policy = policyOf("");

        assertEquals(Set.copyOf(ResponseMode.ALL), policy.responseModes());
        assertFalse(policy.requirePushedAuthorizationRequests());
    }

    @Test
    void listedModesOnlyAndParRequired() throws IOException {
        AuthorizationPolicy policy = policyOf("""
                    responseModes: [ web_message, form_post ]
                    requirePushedAuthorizationRequests: true
                """);

        assertEquals(List.of("form_post", "web_message"), policy.responseModeNames());
        assertTrue(policy.allows(ResponseMode.WEB_MESSAGE));
        assertFalse(policy.allows(ResponseMode.QUERY));
        assertTrue(policy.requirePushedAuthorizationRequests());
    }

    @Test
    void consentIsRequiredOnlyWhenTheClientSaysSo() throws IOException {
        assertFalse(policyOf("").consentRequired());
        assertTrue(policyOf("    consentRequired: true\n").consentRequired());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> policyOf("    consentRequired: maybe\n"));
        assertTrue(bad.getMessage().contains("consentRequired"), bad.getMessage());
    }

    @Test
    void unknownModeOrNonBooleanParSettingIsRefusedNamingTheClient() {
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> policyOf("    responseModes: [ query, jwt ]\n"));
        assertTrue(mode.getMessage().contains("client spa") && mode.getMessage().contains("jwt"), mode.getMessage());
        IllegalArgumentException par = assertThrows(IllegalArgumentException.class,
                () -> policyOf("    requirePushedAuthorizationRequests: sometimes\n"));
        assertTrue(par.getMessage().contains("requirePushedAuthorizationRequests"), par.getMessage());
    }
}
