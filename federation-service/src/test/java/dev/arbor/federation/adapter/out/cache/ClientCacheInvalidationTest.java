package dev.arbor.federation.adapter.out.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.contracts.events.ConfigEvent;
import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.Topics;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ClientSecrets;
import dev.arbor.federation.protocol.saml2.TestMetadata;
import dev.arbor.federation.support.Eventually;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.KafkaTopicReader;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Client and SAML SP lookups answer from this replica's memory, and every change of one reaches it: at
 * once when this replica wrote it, through {@code arbor.config.v1} on the real broker when another did.
 * "Another replica's write" is simulated by changing the row in SQL behind this replica's back and
 * publishing the {@code client.changed} that replica would have published.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class ClientCacheInvalidationTest {
    private static final String CLIENTS = "/admin/realms/demo/clients";
    private static final String TOKEN = "/realms/demo/oauth2/token";
    private static final String SPS = "/admin/realms/demo/saml-sps";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROPAGATION = Duration.ofSeconds(20);

    @Inject
    ClientCache cache;

    @Inject
    ClientSecretHasher hasher;

    @Inject
    MeterRegistry metrics;

    @Test
    void tokenRequestOfACachedClientDoesNotReadTheDatabaseUntilItsChangeArrives() throws Exception {
        // Given a client whose first token request put it in this replica's cache
        String id = "cached-" + UUID.randomUUID();
        String secret = register(id);
        assertEquals(200, clientCredentials(id, secret));

        // When its row disappears from the database behind the service's back
        sql("DELETE FROM federation.client WHERE realm = 'demo' AND client_id = ?", id);
        double hitsBefore = clientHits();

        // Then token requests are still answered, from memory
        assertEquals(200, clientCredentials(id, secret));
        assertTrue(clientHits() > hitsBefore);

        // When the change is announced on the broker, the client is evicted and unknown from then on
        publish(new ConfigEvent.ClientChanged(UUID.randomUUID().toString(), Instant.now(), "demo", id));
        Eventually.await(PROPAGATION, () -> !cache.holds("demo", id), "client.changed evicts " + id);
        given().auth().preemptive().basic(id, secret).formParam("grant_type", "client_credentials")
                .when().post(TOKEN).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void secretRotatedOnThisReplicaRefusesTheOldSecretAtOnceAndIsAnnouncedOnTheBroker() {
        String id = "rotated-here-" + UUID.randomUUID();
        String old = register(id);
        assertEquals(200, clientCredentials(id, old));

        String rotated = admin().when().post(CLIENTS + "/" + id + "/secret").then().statusCode(200)
                .extract().path("clientSecret");

        assertEquals(401, clientCredentials(id, old));
        assertEquals(200, clientCredentials(id, rotated));
        assertTrue(KafkaTopicReader.find(bootstrapServers(), Topics.CONFIG, r -> ("demo/" + id).equals(r.key())
                && EventJson.read(r.value(), ConfigEvent.class) instanceof ConfigEvent.ClientChanged c
                && c.clientId().equals(id)).isPresent(), "client.changed of " + id + " on " + Topics.CONFIG);
    }

    @Test
    void secretRotatedOnAnotherReplicaStopsWorkingHereOnceItsClientChangedArrivesThroughTheBroker() throws Exception {
        // Given this replica holds a client with its first secret
        String id = "rotated-elsewhere-" + UUID.randomUUID();
        String old = register(id);
        assertEquals(200, clientCredentials(id, old));

        // When another replica rotates the secret: its new hash is stored ...
        String rotated = ClientSecrets.generate();
        sql("UPDATE federation.client SET secret_hash = '" + hasher.hash(rotated) + "' WHERE realm = 'demo' AND client_id = ?", id);
        // ... (until the event arrives, this replica still answers from its copy) ...
        assertEquals(200, clientCredentials(id, old));
        // ... and its client.changed goes through the broker
        publish(new ConfigEvent.ClientChanged(UUID.randomUUID().toString(), Instant.now(), "demo", id));
        Eventually.await(PROPAGATION, () -> !cache.holds("demo", id), "client.changed evicts " + id);

        // Then the old secret is refused here and the new one works
        assertEquals(401, clientCredentials(id, old));
        assertEquals(200, clientCredentials(id, rotated));
    }

    @Test
    void clientRegisteredAfterItsIdWasAskedForIsKnownAtOnce() {
        String id = "late-" + UUID.randomUUID();
        assertEquals(401, clientCredentials(id, "whatever"));
        assertTrue(cache.holds("demo", id), "the unknown id is remembered");

        String secret = register(id);

        assertEquals(200, clientCredentials(id, secret));
    }

    @Test
    void aCachedServiceProviderIsServedFromMemoryUntilItsSamlSpChangedArrives() throws Exception {
        // Given an SP whose first lookup put it in this replica's cache
        String entityId = "https://cached-" + UUID.randomUUID() + ".example.org/sp";
        String location = registerSp(entityId, "{}");
        admin().when().get(location).then().statusCode(200);
        assertTrue(cache.holdsServiceProvider("demo", entityId));

        // When its row disappears from the database behind the service's back
        sql("DELETE FROM federation.saml_service_provider WHERE realm = 'demo' AND entity_id = ?", entityId);

        // Then it is still known, from memory
        admin().when().get(location).then().statusCode(200).body("entityId", equalTo(entityId));

        // When the change is announced on the broker, the SP is evicted and unknown from then on
        publish(new ConfigEvent.ServiceProviderChanged(UUID.randomUUID().toString(), Instant.now(), "demo", entityId));
        Eventually.await(PROPAGATION, () -> !cache.holdsServiceProvider("demo", entityId),
                "saml_sp.changed evicts " + entityId);
        admin().when().get(location).then().statusCode(404);
    }

    @Test
    void aServiceProviderWrittenOnThisReplicaIsReadAgainAtOnceAndAnnouncedOnTheBroker() {
        String entityId = "https://written-" + UUID.randomUUID() + ".example.org/sp";
        String location = SPS + "/" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(entityId.getBytes(StandardCharsets.UTF_8));
        // asked for before it exists: "no such SP" is remembered ...
        admin().when().get(location).then().statusCode(404);
        assertTrue(cache.holdsServiceProvider("demo", entityId), "the unknown entityID is remembered");

        // ... and registering it replaces that at once
        registerSp(entityId, "{}");
        admin().when().get(location).then().statusCode(200).body("settings.signResponse", equalTo(false));

        // a replacement is read again at once here, and announced for the other replicas
        admin().body(spBody(entityId, "{\"signResponse\": true}")).when().put(location).then().statusCode(200);
        admin().when().get(location).then().statusCode(200).body("settings.signResponse", equalTo(true));
        assertTrue(KafkaTopicReader.find(bootstrapServers(), Topics.CONFIG, r -> ("demo/" + entityId).equals(r.key())
                && EventJson.read(r.value(), ConfigEvent.class) instanceof ConfigEvent.ServiceProviderChanged c
                && c.entityId().equals(entityId)).isPresent(), "saml_sp.changed of " + entityId + " on " + Topics.CONFIG);

        // so is a deletion
        admin().when().delete(location).then().statusCode(204);
        admin().when().get(location).then().statusCode(404);
    }

    @Test
    void cacheLookupsAreExportedAsMetrics() {
        clientCredentials("test-service", "test-service-secret");
        clientCredentials("test-service", "test-service-secret");

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("arbor_federation_client_cache_lookups_total{cache=\"client\",result=\"hit\""))
                .body(containsString("arbor_federation_client_cache_lookups_total{cache=\"realm\",result=\"hit\""))
                .body(containsString("arbor_federation_client_cache_size"));
    }

    private double clientHits() {
        return metrics.counter(ClientCache.METRIC, "cache", "client", "result", "hit").count();
    }

    private static String register(String id) {
        return admin().body("""
                {"clientId":"%s","type":"confidential","grantTypes":["client_credentials"],"scopes":["api"]}
                """.formatted(id)).when().post(CLIENTS).then().statusCode(201).extract().path("clientSecret");
    }

    /** Registers an SP of realm demo through the admin API; its admin URL. */
    private static String registerSp(String entityId, String settings) {
        return admin().body(spBody(entityId, settings)).when().post(SPS).then().statusCode(201)
                .extract().header("Location");
    }

    private static String spBody(String entityId, String settings) {
        try {
            var body = JSON.createObjectNode().put("metadata", TestMetadata.localSp(entityId));
            body.set("settings", JSON.readTree(settings));
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int clientCredentials(String id, String secret) {
        return given().auth().preemptive().basic(id, secret).formParam("grant_type", "client_credentials")
                .when().post(TOKEN).statusCode();
    }

    private static io.restassured.specification.RequestSpecification admin() {
        String token = given().auth().preemptive().basic("arbor-admin", "test-admin-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "arbor:admin")
                .when().post("/realms/admin/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static void sql(String statement, String key) throws Exception {
        var config = ConfigProvider.getConfig();
        try (var connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), "");
             var update = connection.prepareStatement(statement)) {
            update.setString(1, key);
            assertEquals(1, update.executeUpdate(), statement);
        }
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static void publish(ConfigEvent event) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(props)) {
            producer.send(new ProducerRecord<>(Topics.CONFIG, event.key(), EventJson.write(event))).get();
        }
    }
}
