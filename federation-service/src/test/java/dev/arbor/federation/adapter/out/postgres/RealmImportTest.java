package dev.arbor.federation.adapter.out.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.ConfigEvent;
import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.Topics;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientType;
import dev.arbor.federation.domain.RealmDefinition;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.KafkaTopicReader;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RealmImportTest {

    @Inject
    ClientRepository clients;

    /** Hibernate Reactive runs on a Vert.x context, as it does behind the REST endpoints. */
    private static <T> T await(Supplier<Uni<T>> action) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(action);
    }

    private static Client client(String name, List<String> scopes) {
        return new Client("import-test", "c1", name, ClientType.PUBLIC, Optional.empty(),
                List.of("https://rp.example/cb"), List.of("authorization_code"), scopes);
    }

    @Test
    void importingTheSameRealmTwiceLeavesOneIdenticalCopy() throws Throwable {
        RealmDefinition realm = new RealmDefinition("import-test", "Import", List.of(client("C1", List.of("openid"))));

        await(() -> clients.importRealm(realm));
        await(() -> clients.importRealm(realm));

        assertTrue(await(() -> clients.realmExists("import-test")));
        List<Client> stored = await(() -> clients.listClients("import-test"));
        assertEquals(List.of(realm.clients().getFirst()), stored);
    }

    @Test
    void reimportUpdatesAChangedClientInPlace() throws Throwable {
        RealmDefinition first = new RealmDefinition("import-test", "Import", List.of(client("C1", List.of("openid"))));
        RealmDefinition changed = new RealmDefinition("import-test", "Import",
                List.of(client("Renamed", List.of("openid", "email"))));
        await(() -> clients.importRealm(first));
        await(() -> clients.importRealm(changed));

        Client stored = await(() -> clients.findClient("import-test", "c1")).orElseThrow();
        assertEquals("Renamed", stored.name());
        assertEquals(List.of("openid", "email"), stored.scopes());
        assertEquals(1, await(() -> clients.listClients("import-test")).size());
    }

    @Test
    void reimportReplacesTheCachedCopyHereAndAnnouncesRealmChangedOnTheBroker() throws Throwable {
        // Given a realm whose client this replica has cached
        Client before = new Client("announce-test", "c1", "Before", ClientType.PUBLIC, Optional.empty(),
                List.of("https://rp.example/cb"), List.of("authorization_code"), List.of("openid"));
        Client after = new Client("announce-test", "c1", "After", ClientType.PUBLIC, Optional.empty(),
                List.of("https://rp.example/cb"), List.of("authorization_code"), List.of("openid"));
        await(() -> clients.importRealm(new RealmDefinition("announce-test", "A", List.of(before))));
        assertEquals("Before", await(() -> clients.findClient("announce-test", "c1")).orElseThrow().name());

        // When the realm is imported again with a changed client
        await(() -> clients.importRealm(new RealmDefinition("announce-test", "A", List.of(after))));

        // Then this replica reads the new client at once and the others are told
        assertEquals("After", await(() -> clients.findClient("announce-test", "c1")).orElseThrow().name());
        assertTrue(KafkaTopicReader.find(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.CONFIG, r -> "announce-test".equals(r.key())
                        && EventJson.read(r.value(), ConfigEvent.class) instanceof ConfigEvent.RealmChanged)
                .isPresent(), "realm.changed of announce-test on " + Topics.CONFIG);
    }

    @Test
    void aClientWithoutTokenSigningAlgGetsItsRealmsDefaultAndFollowsItsChanges() throws Throwable {
        // Given a realm whose default is ES256, one client choosing EdDSA and one choosing nothing
        Client own = withAlg(client("own", List.of("openid")), "own", "EdDSA");
        Client inherits = withAlg(client("inherits", List.of("openid")), "inherits", null);
        await(() -> clients.importRealm(new RealmDefinition("alg-test", "Algs", List.of(own, inherits), "ES256")));

        // Then a loaded client's alg is its own, else the realm's
        assertEquals("EdDSA", await(() -> clients.findClient("alg-test", "own")).orElseThrow().tokenSigningAlg());
        assertEquals("ES256", await(() -> clients.findClient("alg-test", "inherits")).orElseThrow().tokenSigningAlg());

        // When the realm's default changes, the client without its own follows
        await(() -> clients.importRealm(new RealmDefinition("alg-test", "Algs", List.of(own, inherits), null)));
        assertEquals(null, await(() -> clients.findClient("alg-test", "inherits")).orElseThrow().tokenSigningAlg());
        assertEquals("EdDSA", await(() -> clients.findClient("alg-test", "own")).orElseThrow().tokenSigningAlg());
    }

    private static Client withAlg(Client c, String clientId, String alg) {
        return new Client("alg-test", clientId, c.name(), c.type(), c.secretHash(), c.redirectUris(), c.grantTypes(),
                c.scopes(), c.refreshTokenLifetimes(), c.authentication(), alg);
    }

    @Test
    void theStartUpImportKnowsTheTestRealmsAndNothingElse() throws Throwable {
        assertTrue(await(() -> clients.realmExists("demo")));
        assertTrue(await(() -> clients.realmExists("admin")));
        assertFalse(await(() -> clients.realmExists("nowhere")));
        Client rp = await(() -> clients.findClient("demo", "test-rp")).orElseThrow();
        assertTrue(rp.secretHash().isPresent());
        assertFalse(rp.secretHash().get().contains("test-rp-secret"));
    }
}
