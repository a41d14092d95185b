package dev.arbor.federation.adapter.out.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.federation.config.SamlKeyEncryptionKey;
import dev.arbor.federation.domain.saml2.SamlKeyChange;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.SamlKeyState;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.port.SamlKeyChangePublisher;
import dev.arbor.federation.support.Eventually;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How the replicas of federation-service learn that a realm's SAML signing key changed: the one that
 * activated at once, the others through {@code saml_key.activated} on the real Kafka broker, and at
 * the latest after the cache TTL when that event is lost.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class PgSamlKeyRolloverTest {
    @Inject
    SamlCredentials credentials; // this application's replica, fed by arbor.config.v1
    @Inject
    SamlKeyChangePublisher changes;
    @Inject
    Pool pool;
    @Inject
    SamlKeyEncryptionKey kek;

    private static <T> T await(Supplier<Uni<T>> action) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(action);
    }

    private String signingKeyId(SamlCredentials replica, String realm) throws Throwable {
        return await(() -> replica.signing(realm)).keyId();
    }

    @Test
    void theActivatingReplicaSignsWithTheNewKeyAtOnceAndAnotherOneWhenTheEventArrives() throws Throwable {
        String realm = "roll-event";
        PgSamlCredentials other = new PgSamlCredentials(pool, kek, Clock.systemUTC());
        PgSamlKeyRollover otherRollover = new PgSamlKeyRollover(pool, other);
        String old = signingKeyId(credentials, realm);
        SamlKeyChange.Done next = assertInstanceOf(SamlKeyChange.Done.class,
                await(() -> otherRollover.next(realm, SamlKeyUse.SIGNING)));

        // When another replica activates without announcing it
        SamlKeyChange.Done activated = assertInstanceOf(SamlKeyChange.Done.class,
                await(() -> otherRollover.activate(realm, SamlKeyUse.SIGNING)));

        // Then it signs with the new key at once, and this replica still with the old (still published) one
        assertEquals(next.key().keyId(), activated.key().keyId());
        assertEquals(SamlKeyState.CURRENT, activated.key().state());
        assertEquals(old, activated.replaced().keyId());
        assertEquals(SamlKeyState.PREVIOUS, activated.replaced().state());
        assertEquals(next.key().keyId(), signingKeyId(other, realm));
        assertEquals(old, signingKeyId(credentials, realm));
        assertEquals(List.of(next.key().keyId(), old), await(() -> credentials.publishedSigning(realm)).stream()
                .map(SamlKeyPair::keyId).toList(), "the metadata is read from the store: new state at once");

        // When the activation is announced on arbor.config.v1, this replica switches too
        await(() -> changes.samlKeyActivated(realm, SamlKeyUse.SIGNING, next.key().keyId()));
        Eventually.await(Duration.ofSeconds(10), () -> {
            try {
                return next.key().keyId().equals(signingKeyId(credentials, realm));
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        }, "this replica signs with the activated key");
    }

    @Test
    void aReplicaThatMissedTheEventSwitchesWhenItsCacheTtlPasses() throws Throwable {
        String realm = "roll-ttl";
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        PgSamlCredentials missed = new PgSamlCredentials(pool, kek, Clock.systemUTC(),
                new SamlKeyCache(Duration.ofMinutes(1), ticker));
        PgSamlKeyRollover rollover = new PgSamlKeyRollover(pool, new PgSamlCredentials(pool, kek, Clock.systemUTC()));
        String old = signingKeyId(missed, realm);
        await(() -> rollover.next(realm, SamlKeyUse.SIGNING));
        SamlKeyChange.Done activated = assertInstanceOf(SamlKeyChange.Done.class,
                await(() -> rollover.activate(realm, SamlKeyUse.SIGNING)));

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(old, signingKeyId(missed, realm), "within the TTL: the old key, which is still published");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals(activated.key().keyId(), signingKeyId(missed, realm), "after the TTL: read again");
    }

    @Test
    void aReadThatBeganBeforeAnEvictionDoesNotPutTheReplacedKeyBack() throws Throwable {
        SamlKeyCache cache = new SamlKeyCache(Duration.ofMinutes(1), Ticker.systemTicker());
        SamlKeyPair stale = await(() -> credentials.signing("roll-race"));
        long readBegan = cache.generation();

        cache.evictRealm("roll-race"); // the activation's event arrives while the read is in flight
        cache.put("roll-race", SamlKeyUse.SIGNING, stale, readBegan);

        assertNull(cache.get("roll-race", SamlKeyUse.SIGNING));
        cache.put("roll-race", SamlKeyUse.SIGNING, stale, cache.generation());
        assertTrue(cache.holds("roll-race", SamlKeyUse.SIGNING));
        cache.evictRealm("roll-race");
        assertFalse(cache.holds("roll-race", SamlKeyUse.SIGNING));
    }
}
