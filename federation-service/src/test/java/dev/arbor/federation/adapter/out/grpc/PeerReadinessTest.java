package dev.arbor.federation.adapter.out.grpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.arbor.federation.support.Eventually;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class PeerReadinessTest {

    @Test
    void readinessCoversStorageKafkaAndEveryGrpcPeer() throws InterruptedException {
        // the Kafka check turns UP once the consumer has its partitions
        Eventually.await(Duration.ofSeconds(30), () -> given().when().get("/q/health/ready").statusCode() == 200,
                "ready");
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("grpc-peer-token", "grpc-peer-session-store", "grpc-peer-authtree",
                        "Database connections health check", "Redis connection health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }
}
