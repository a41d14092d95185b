package dev.arbor.token.adapter.in.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.support.JwksVerifier;
import dev.arbor.token.support.TestGrants;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** RFC 6749 §4.4 — the client's own token, over gRPC. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class ClientCredentialsTokenTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("token")
    TokenService token;

    @Test
    void clientCredentialsTokenHasClientAsSubjectAndNoIdToken() throws Exception {
        // Given a confidential client asking for api and, wrongly, openid
        IssueClientCredentialsTokenRequest request = TestGrants.clientCredentials("demo", "demo-service")
                .addScopes("openid").build();

        // When the token is issued
        Tokens tokens = token.issueClientCredentialsToken(request).await().atMost(WAIT).getTokens();

        // Then it is an RFC 9068 access token about the client itself, and no ID token
        assertTrue(tokens.getIdToken().isEmpty());
        assertEquals(300, tokens.getExpiresIn());
        assertEquals("api openid", tokens.getScope());
        String jwks = token.getJwks(GetJwksRequest.newBuilder().setRealm("demo").build()).await().atMost(WAIT)
                .getJwksJson();
        JwtClaims claims = new JwksVerifier(jwks).verify(tokens.getAccessToken(), "at+jwt",
                "http://localhost:8080/realms/demo", "demo-service");
        assertEquals("demo-service", claims.getSubject());
        assertEquals("demo-service", claims.getClaimValueAsString("client_id"));
        assertEquals("api openid", claims.getClaimValueAsString("scope"));
        assertFalse(claims.hasClaim("auth_time"));
        assertFalse(claims.hasClaim("sid"));
    }

    @Test
    void requestedLifetimeOverridesTheDefault() {
        IssueClientCredentialsTokenRequest request = TestGrants.clientCredentials("demo", "demo-service")
                .setAccessTokenLifetimeSeconds(42).build();

        assertEquals(42, token.issueClientCredentialsToken(request).await().atMost(WAIT).getTokens().getExpiresIn());
    }

    @Test
    void missingClientIdIsAMalformedCallNotAnOAuthError() {
        IssueClientCredentialsTokenRequest request = TestGrants.clientCredentials("demo", "").build();

        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                () -> token.issueClientCredentialsToken(request).await().atMost(WAIT));

        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode());
    }
}
