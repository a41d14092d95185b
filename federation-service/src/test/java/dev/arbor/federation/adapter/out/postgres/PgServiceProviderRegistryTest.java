package dev.arbor.federation.adapter.out.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.saml2.AssertionEncryption;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.saml2.ServiceProviderMetadata;
import dev.arbor.federation.protocol.saml2.ServiceProviderSettingsJson;
import dev.arbor.federation.protocol.saml2.TestMetadata;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The registry in PostgreSQL, and the realm YAML import that fills it (src/test/resources/realms/saml.yaml). */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class PgServiceProviderRegistryTest {
    @Inject
    ServiceProviderRegistry registry;
    @Inject
    Pool pool;

    private static <T> T await(Supplier<Uni<T>> action) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(action);
    }

    private static ServiceProvider sp(String realm, String entityId, String settings) throws Exception {
        return ServiceProviderMetadata.read(realm, TestMetadata.localSp(entityId), ServiceProviderSettingsJson.read(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(settings), java.util.Set.of()));
    }

    private OffsetDateTime updatedAt(String realm, String entityId) throws Throwable {
        return await(() -> pool.preparedQuery("SELECT updated_at FROM federation.saml_service_provider"
                        + " WHERE realm = $1 AND entity_id = $2").execute(Tuple.of(realm, entityId))
                .map(rows -> rows.iterator().next().getOffsetDateTime("updated_at")));
    }

    @Test
    void theRealmYamlImportStoredBothServiceProvidersWithTheirSettings() throws Throwable {
        List<ServiceProvider> sps = await(() -> registry.list("saml-test"));

        assertEquals(List.of("http://localhost:7070/saml/metadata", "https://sp.example.org/shibboleth"),
                sps.stream().map(ServiceProvider::entityId).toList());
        ServiceProvider shibboleth = await(() -> registry.find("saml-test", TestMetadata.SHIBBOLETH_ENTITY_ID)).orElseThrow();
        assertEquals("Example Wiki", shibboleth.name());
        assertEquals(AssertionEncryption.AES256_GCM_RSA_OAEP, shibboleth.settings().encryption());
        assertEquals(NameIdFormat.PERSISTENT, shibboleth.settings().nameIdFormat(), "the YAML's, not the metadata's first");
        assertTrue(shibboleth.settings().signResponse());
        assertEquals("urn:oid:0.9.2342.19200300.100.1.3", shibboleth.settings().attributes().getFirst().name());
        assertEquals("password-otp", shibboleth.settings().authnContextTrees()
                .get("urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken"));
        assertEquals(2, shibboleth.assertionConsumerServices().size());
        assertEquals(2, shibboleth.signingCertificates().size());
        ServiceProvider local = sps.getFirst();
        assertEquals("Local developer SP", local.name());
        assertEquals(NameIdFormat.EMAIL, local.settings().nameIdFormat());
        assertTrue(local.settings().requireSignedAuthnRequests());
    }

    @Test
    void saveFindReplaceAndDeleteRoundTripThroughPostgres() throws Throwable {
        ServiceProvider first = sp("saml-test", "https://round-trip.example/sp", "{}");
        await(() -> registry.save(first));

        assertEquals(first, await(() -> registry.find("saml-test", "https://round-trip.example/sp")).orElseThrow());

        ServiceProvider changed = sp("saml-test", "https://round-trip.example/sp",
                "{\"signResponse\": true, \"allowIdpInitiated\": true, \"nameIdFormat\": \"transient\"}");
        await(() -> registry.save(changed));
        ServiceProvider stored = await(() -> registry.find("saml-test", "https://round-trip.example/sp")).orElseThrow();
        assertEquals(changed.settings(), stored.settings());
        assertEquals(3, await(() -> registry.list("saml-test")).size());

        assertTrue(await(() -> registry.delete("saml-test", "https://round-trip.example/sp")));
        assertFalse(await(() -> registry.delete("saml-test", "https://round-trip.example/sp")));
        assertTrue(await(() -> registry.find("saml-test", "https://round-trip.example/sp")).isEmpty());
        assertTrue(await(() -> registry.find("demo", TestMetadata.SHIBBOLETH_ENTITY_ID)).isEmpty(), "realms are apart");
    }

    @Test
    void savingAnUnchangedServiceProviderWritesNothing() throws Throwable {
        ServiceProvider sp = sp("saml-test", "https://unchanged.example/sp", "{}");
        await(() -> registry.save(sp));
        OffsetDateTime before = updatedAt("saml-test", "https://unchanged.example/sp");

        await(() -> registry.save(sp));

        assertEquals(before, updatedAt("saml-test", "https://unchanged.example/sp"));
    }
}
