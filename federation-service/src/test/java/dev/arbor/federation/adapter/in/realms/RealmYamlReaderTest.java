package dev.arbor.federation.adapter.in.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ClientType;
import dev.arbor.federation.domain.TokenEndpointAuthMethod;
import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.federation.domain.RealmDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmYamlReaderTest {
    private final ClientSecretHasher hasher = new ClientSecretHasher("pepper");
    private final RealmYamlReader reader = new RealmYamlReader(
            new EnvSubstitution(Map.of("RP_SECRET", "from-env")::get), hasher);

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("realm.yaml"), yaml);
    }

    @Test
    void readsClientsAndHashesSecretsFromTheEnvironment() throws IOException {
        RealmDefinition realm = reader.read(write("""
                realm: demo
                displayName: Demo
                clients:
                  - clientId: rp
                    type: confidential
                    secret: ${RP_SECRET}
                    redirectUris: [ "https://rp.example/cb" ]
                    grantTypes: [ authorization_code ]
                    scopes: [ openid ]
                  - clientId: svc
                    type: confidential
                    secret: ${SVC_SECRET:-svc-default}
                    grantTypes: [ client_credentials ]
                  - clientId: spa
                    type: public
                    redirectUris: [ "http://localhost/cb" ]
                    grantTypes: [ authorization_code ]
                users:
                  - username: alice
                """));

        assertEquals("demo", realm.name());
        assertEquals("Demo", realm.displayName());
        assertEquals(List.of("rp", "svc", "spa"), realm.clients().stream().map(Client::clientId).toList());
        Client rp = realm.clients().getFirst();
        assertTrue(hasher.matches("from-env", rp.secretHash()));
        assertTrue(hasher.matches("svc-default", realm.clients().get(1).secretHash()));
        assertEquals(ClientType.PUBLIC, realm.clients().get(2).type());
        assertTrue(realm.clients().get(2).secretHash().isEmpty());
    }

    @Test
    void unsetVariableWithoutDefaultFailsNamingFileAndVariable() throws IOException {
        Path file = write("""
                realm: admin
                clients:
                  - clientId: arbor-admin
                    type: confidential
                    secret: ${ARBOR_SURELY_UNSET_FOR_TEST}
                    grantTypes: [ client_credentials ]
                """);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("ARBOR_SURELY_UNSET_FOR_TEST"));
        assertTrue(e.getMessage().contains("realm.yaml"));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("O1/O2: a redirect URI with a fragment, or plain http on a host that is not loopback, stops the import naming the client")
    void redirectUriOnPlainHttpOutsideLoopbackOrWithAFragmentIsRefused() throws IOException {
        String client = "realm: d\nclients:\n  - clientId: web\n    type: public\n    grantTypes: [ authorization_code ]\n";
        for (String uri : List.of("http://rp.example/cb", "http://10.1.2.3/cb", "https://rp.example/cb#f")) {
            Path file = write(client + "    redirectUris: [ \"" + uri + "\" ]\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(file));
            assertTrue(e.getMessage().contains("web"), e.getMessage());
        }
        for (String uri : List.of("http://localhost:7000/cb", "http://127.0.0.1/cb", "http://[::1]:7000/cb",
                "https://rp.example/cb", "com.example.app:/callback")) {
            RealmDefinition realm = reader.read(write(client + "    redirectUris: [ \"" + uri + "\" ]\n"));
            assertTrue(realm.clients().getFirst().hasRedirectUri(uri), uri);
        }
    }

    @Test
    void invalidClientsFailClearly() throws IOException {
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: confidential\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    secret: s\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: robot\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    grantTypes: [ authorization_code ]\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    redirectUris: [ \"/relative\" ]\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    grantTypes: [ password ]\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n  - clientId: c\n    type: public\n");
        assertInvalid("realm: \"bad realm!\"\n");
        assertInvalid("- just a list\n");
    }

    private static final String PUBLIC_EC_JWKS = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\",\"crv\":\"P-256\","
            + "\"x\":\"ku3-2fPPz2Szpl0sBvrwfMnPi9Sq78F1lC7B8464wOI\",\"y\":\"XMutLjwE8Af1GgrqZMEk2UzCluCvCwea4KExrjZjZH4\"}]}";

    @Test
    void privateKeyJwtClientIsReadWithItsJwksAndNoSecret() throws IOException {
        RealmDefinition realm = reader.read(write("""
                realm: jwt
                clients:
                  - clientId: signer
                    type: confidential
                    tokenEndpointAuthMethod: private_key_jwt
                    jwks: %s
                    grantTypes: [ client_credentials ]
                  - clientId: poster
                    type: confidential
                    tokenEndpointAuthMethod: client_secret_post
                    secret: s3cret
                  - clientId: defaulted
                    type: confidential
                    secret: s3cret
                  - clientId: spa
                    type: public
                """.formatted(PUBLIC_EC_JWKS)));

        Client signer = realm.clients().getFirst();
        assertEquals(TokenEndpointAuthMethod.PRIVATE_KEY_JWT, signer.tokenEndpointAuthMethod());
        assertTrue(signer.secretHash().isEmpty());
        assertTrue(signer.authentication().jwks().orElseThrow().contains("\"kid\":\"k1\""));
        assertEquals(TokenEndpointAuthMethod.CLIENT_SECRET_POST, realm.clients().get(1).tokenEndpointAuthMethod());
        assertEquals(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, realm.clients().get(2).tokenEndpointAuthMethod());
        assertEquals(TokenEndpointAuthMethod.NONE, realm.clients().get(3).tokenEndpointAuthMethod());
    }

    @Test
    void inconsistentClientAuthenticationFailsClearly() throws IOException {
        String client = "realm: d\nclients:\n  - clientId: c\n";
        assertInvalid(client + "    type: confidential\n    tokenEndpointAuthMethod: private_key_jwt\n");
        assertInvalid(client + "    type: confidential\n    tokenEndpointAuthMethod: private_key_jwt\n    secret: s\n"
                + "    jwks: " + PUBLIC_EC_JWKS + "\n");
        assertInvalid(client + "    type: confidential\n    secret: s\n    jwks: " + PUBLIC_EC_JWKS + "\n");
        assertInvalid(client + "    type: confidential\n    tokenEndpointAuthMethod: none\n");
        assertInvalid(client + "    type: public\n    tokenEndpointAuthMethod: client_secret_basic\n    secret: s\n");
        assertInvalid(client + "    type: confidential\n    tokenEndpointAuthMethod: tls_client_auth\n    secret: s\n");
        assertInvalid(client + "    type: confidential\n    tokenEndpointAuthMethod: private_key_jwt\n"
                + "    jwks: { keys: [ { kty: oct, k: AAAA } ] }\n");
        assertInvalid(client + "    type: confidential\n    tokenEndpointAuthMethod: private_key_jwt\n"
                + "    jwks: { keys: [ { kty: EC, crv: P-256, x: ku3-2fPPz2Szpl0sBvrwfMnPi9Sq78F1lC7B8464wOI, "
                + "y: XMutLjwE8Af1GgrqZMEk2UzCluCvCwea4KExrjZjZH4, d: AAAA } ] }\n");
    }

    @Test
    void tokenSigningAlgIsReadAtRealmAndClientLevel() throws IOException {
        RealmDefinition realm = reader.read(write("""
                realm: algs
                tokenSigningAlg: ES256
                clients:
                  - clientId: own
                    type: public
                    tokenSigningAlg: EdDSA
                  - clientId: inherits
                    type: public
                """));

        assertEquals("ES256", realm.tokenSigningAlg());
        assertEquals("EdDSA", realm.clients().get(0).tokenSigningAlg());
        assertEquals(null, realm.clients().get(1).tokenSigningAlg(), "filled in from the realm when loaded");
    }

    @Test
    void tokenSigningAlgOutsideTheFourFailsNamingTheFile() throws IOException {
        for (String alg : List.of("HS256", "none", "es256", "RS512")) {
            assertInvalid("realm: d\ntokenSigningAlg: " + alg + "\n");
            assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    tokenSigningAlg: " + alg + "\n");
        }
        Path file = write("realm: d\ntokenSigningAlg: HS256\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> reader.read(file)).getMessage()
                .contains("realm.yaml"));
    }

    @Test
    void errorsNeverContainTheSecret() throws IOException {
        Path file = write("realm: d\nclients:\n  - clientId: c\n    type: public\n    secret: super-secret-value\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(file));
        assertFalse(e.getMessage().contains("super-secret-value"));
    }

    private void assertInvalid(String yaml) throws IOException {
        Path file = write(yaml);
        assertThrows(IllegalArgumentException.class, () -> reader.read(file), yaml);
    }
}
