package dev.arbor.scriptrunner.adapter.in.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.scriptrunner.v1.DescribeScriptRequest;
import dev.arbor.contracts.scriptrunner.v1.DescribeScriptResponse;
import dev.arbor.contracts.scriptrunner.v1.ScriptCatalogGrpc;
import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against src/test/resources/realms/acme.yaml: risk-score v1 published, v2 draft. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ScriptCatalogGrpcTest {
    @GrpcClient("script-runner")
    ScriptCatalogGrpc.ScriptCatalogBlockingStub catalog;

    @Test
    void versionZeroResolvesTheLatestPublishedVersion() {
        DescribeScriptResponse response = catalog.describeScript(describe("acme", "risk-score", 0));

        assertTrue(response.getFound());
        assertEquals("risk-score", response.getName());
        assertEquals(1, response.getVersion());
        assertEquals(List.of("low", "high"), response.getOutcomesList());
    }

    @Test
    void draftIsNotReturnedAsLatestEvenWhenItIsTheHighestVersion() {
        DescribeScriptResponse response = catalog.describeScript(describe("acme", "risk-score", 0));

        assertEquals(1, response.getVersion());
    }

    @Test
    void explicitVersionResolvesThatVersionWhateverItsStatus() {
        DescribeScriptResponse response = catalog.describeScript(describe("acme", "risk-score", 2));

        assertTrue(response.getFound());
        assertEquals(2, response.getVersion());
        assertEquals(List.of("low", "medium", "high"), response.getOutcomesList());
    }

    @Test
    void unknownRealmNameOrVersionIsNotFound() {
        assertFalse(catalog.describeScript(describe("nowhere", "risk-score", 0)).getFound());
        assertFalse(catalog.describeScript(describe("acme", "no-such-script", 0)).getFound());
        assertFalse(catalog.describeScript(describe("acme", "risk-score", 99)).getFound());
        assertFalse(catalog.describeScript(describe("plain", "risk-score", 1)).getFound());
    }

    @Test
    void blankNamesAndNegativeVersionAreNotFoundRatherThanAnError() {
        assertFalse(catalog.describeScript(describe("", "risk-score", 0)).getFound());
        assertFalse(catalog.describeScript(describe("acme", "", 0)).getFound());
        assertFalse(catalog.describeScript(describe("acme", "risk-score", -1)).getFound());
    }

    private static DescribeScriptRequest describe(String realm, String name, int version) {
        return DescribeScriptRequest.newBuilder().setRealm(realm).setName(name).setVersion(version).build();
    }
}
