package dev.arbor.token.adapter.in.grpc;

import static dev.arbor.token.support.TestGrants.CLIENT_ID;
import static dev.arbor.token.support.TestGrants.REALM;
import static dev.arbor.token.support.TestGrants.codeRequest;
import static dev.arbor.token.support.TestGrants.redeemRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.TokenEvent;
import dev.arbor.contracts.events.Topics;
import dev.arbor.contracts.token.v1.ListRevocationsRequest;
import dev.arbor.contracts.token.v1.Revocation;
import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.KafkaTopicReader;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.support.TestGrants.Pkce;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** RFC 7009 revocation and RFC 6749 §4.1.2 replay revocation, over the service's own gRPC endpoint. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RevocationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("token")
    TokenService token;

    @Inject
    RedisDataSource redis;

    @Inject
    ArborConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void revokeTokenStoresTheJtiUntilExpiryAndPublishesTokenRevokedAfterTheBrokerAck() {
        // Given an access token that expires in two minutes
        String jti = UUID.randomUUID().toString();
        long exp = Instant.now().plusSeconds(120).getEpochSecond();

        // When its client revokes it
        boolean revoked = revoke(REALM, CLIENT_ID, jti, exp);

        // Then Redis holds the revocation for the token's remaining lifetime
        assertTrue(revoked);
        String key = config.redis().keyPrefix() + "revoked:" + jti;
        long ttl = redis.key().pttl(key);
        assertTrue(ttl > 100_000 && ttl <= 120_000, "TTL was " + ttl);
        // and token.revoked is on arbor.token.v1, keyed by the jti
        var record = KafkaTopicReader.find(bootstrapServers, Topics.TOKEN, r -> jti.equals(r.key())).orElseThrow();
        var event = (TokenEvent.Revoked) EventJson.read(record.value(), TokenEvent.class);
        assertEquals(TokenEvent.REVOKED, event.type());
        assertEquals(REALM, event.realm());
        assertEquals(jti, event.jti());
        assertEquals(CLIENT_ID, event.clientId());
        assertEquals(Instant.ofEpochSecond(exp), event.expiresAt());
        assertFalse(event.id().isBlank());
    }

    @Test
    void listRevocationsReturnsCurrentRevocationsOfTheAskedRealmOnly() {
        String demoJti = UUID.randomUUID().toString();
        String adminJti = UUID.randomUUID().toString();
        long exp = Instant.now().plusSeconds(60).getEpochSecond();
        revoke(REALM, CLIENT_ID, demoJti, exp);
        revoke("admin", "arbor-admin", adminJti, exp);

        List<Revocation> demo = list(REALM);
        List<Revocation> all = list("");

        assertTrue(demo.stream().anyMatch(r -> r.getJti().equals(demoJti) && r.getExpiresAt() == exp
                && r.getClientId().equals(CLIENT_ID) && r.getRealm().equals(REALM)));
        assertTrue(demo.stream().noneMatch(r -> r.getJti().equals(adminJti)));
        assertTrue(all.stream().anyMatch(r -> r.getJti().equals(adminJti)));
    }

    @Test
    void revokeAnAlreadyExpiredTokenThenNothingIsRecorded() {
        String jti = UUID.randomUUID().toString();

        boolean revoked = revoke(REALM, CLIENT_ID, jti, Instant.now().minusSeconds(1).getEpochSecond());

        assertFalse(revoked);
        assertFalse(redis.key().exists(config.redis().keyPrefix() + "revoked:" + jti));
    }

    @Test
    void revokeWithoutJtiOrRealmOrExpiryThenInvalidArgument() {
        long exp = Instant.now().plusSeconds(60).getEpochSecond();

        for (RevokeTokenRequest bad : List.of(
                RevokeTokenRequest.newBuilder().setRealm(REALM).setClientId(CLIENT_ID).setExpiresAt(exp).build(),
                RevokeTokenRequest.newBuilder().setJti("j").setClientId(CLIENT_ID).setExpiresAt(exp).build(),
                RevokeTokenRequest.newBuilder().setRealm(REALM).setJti("j").setClientId(CLIENT_ID).build(),
                RevokeTokenRequest.newBuilder().setRealm(REALM).setJti("j".repeat(300)).setExpiresAt(exp).build())) {
            StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                    () -> token.revokeToken(bad).await().atMost(WAIT));
            assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode());
        }
    }

    @Test
    void redeemWhenCodeAlreadyUsedBySameClientThenInvalidGrantAndTokensRevoked() {
        // Given a code redeemed once by its client
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).build()).await().atMost(WAIT).getCode();
        String jti = jti(redeem(redeemRequest(code, pkce).build()).getTokens().getAccessToken());

        // When the same client presents the code again
        TokenResult replay = redeem(redeemRequest(code, pkce).build());

        // Then the replay is refused, and the token issued from the code is revoked and announced
        assertEquals("invalid_grant", replay.getError().getCode());
        assertTrue(list(REALM).stream().anyMatch(r -> r.getJti().equals(jti) && r.getClientId().equals(CLIENT_ID)));
        assertTrue(KafkaTopicReader.find(bootstrapServers, Topics.TOKEN, r -> jti.equals(r.key())).isPresent());
    }

    @Test
    void redeemWhenCodeAlreadyUsedByAnotherClientThenInvalidGrantAndNothingRevoked() {
        // Given a code redeemed once by its client
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).build()).await().atMost(WAIT).getCode();
        String jti = jti(redeem(redeemRequest(code, pkce).build()).getTokens().getAccessToken());

        // When another client presents the stolen code
        TokenResult replay = redeem(redeemRequest(code, pkce).setClientId("demo-rp").build());

        // Then it is refused, and the victim's token stays valid
        assertEquals("invalid_grant", replay.getError().getCode());
        assertTrue(list("").stream().noneMatch(r -> r.getJti().equals(jti)));
        assertFalse(redis.key().exists(config.redis().keyPrefix() + "revoked:" + jti));
    }

    private boolean revoke(String realm, String clientId, String jti, long exp) {
        return token.revokeToken(RevokeTokenRequest.newBuilder().setRealm(realm).setClientId(clientId).setJti(jti)
                .setExpiresAt(exp).build()).await().atMost(WAIT).getRevoked();
    }

    private List<Revocation> list(String realm) {
        return token.listRevocations(ListRevocationsRequest.newBuilder().setRealm(realm).build())
                .await().atMost(WAIT).getRevocationsList();
    }

    private TokenResult redeem(dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest request) {
        return token.redeemAuthorizationCode(request).await().atMost(WAIT);
    }

    /** The jti of a token, read without verifying: the signature is another test's subject. */
    private static String jti(String accessToken) {
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                    .setDisableRequireSignature().build().processToClaims(accessToken);
            return claims.getJwtId();
        } catch (Exception e) {
            throw new AssertionError("not a JWT", e);
        }
    }
}
