package dev.arbor.scriptrunner.adapter.in.grpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ReadinessTest {
    @Test
    void readinessIsUpAndIncludesThePostgresAndScriptWorkerChecks() {
        given().when().get("/q/health/ready")
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.find { it.name == 'script-workers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'script-workers' }.data.isolation", equalTo("process"));
    }
}
