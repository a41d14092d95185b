package dev.arbor.authtree.adapter.in.rest.admin;

import static dev.arbor.authtree.adapter.in.rest.admin.AdminTreesResourceTest.TREES;
import static dev.arbor.authtree.adapter.in.rest.admin.AdminTreesResourceTest.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code remember} and the memory nodes through the tree admin API: stored and returned, or refused with every problem. */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AdminTreeMemoryTest {

    @Test
    void aRememberingTreeIsStoredWithItsMemory() {
        String tree = """
                {"start":"check-password","nodes":{
                  "check-password":{"type":"RememberedResultCheck","config":{"node":"check"},
                    "outcomes":{"remembered":"props","not_remembered":"username"}},
                  "username":{"type":"UsernameCollector","outcomes":{"next":"password"}},
                  "password":{"type":"PasswordCollector","outcomes":{"next":"check"}},
                  "check":{"type":"DataStoreDecision","remember":{"store":"session","ttl":"PT8H"},
                    "outcomes":{"true":"props","false":"failure"}},
                  "props":{"type":"SetSessionProperties","config":{"properties":{"who":"${shared:subject}"}},
                    "outcomes":{"next":"success"}}}}""";

        admin().contentType("application/json").body(tree).put(TREES + "/memory").then().statusCode(200);

        admin().get(TREES + "/memory/draft").then().statusCode(200)
                .body("definition.nodes.check.remember.store", equalTo("session"))
                .body("definition.nodes.check.remember.ttl", equalTo("PT8H"));
    }

    @Test
    void badMemoryIs400ListingEveryProblem() {
        String tree = """
                {"start":"check-otp","nodes":{
                  "check-otp":{"type":"RememberedResultCheck","config":{"node":"otp"},
                    "outcomes":{"remembered":"success","not_remembered":"username"}},
                  "username":{"type":"UsernameCollector","remember":{"store":"disk","ttl":"PT1H"},
                    "outcomes":{"next":"password"}},
                  "password":{"type":"PasswordCollector","remember":{"store":"cookie","ttl":"P90D"},
                    "outcomes":{"next":"check"}},
                  "check":{"type":"DataStoreDecision","remember":{"store":"session","ttl":"PT0S"},
                    "outcomes":{"true":"success","false":"failure"}}}}""";

        admin().contentType("application/json").body(tree).put(TREES + "/bad-memory").then().statusCode(400)
                .contentType("application/problem+json")
                .body("problems", hasItems(
                        "tree 'bad-memory': node 'check-otp' (RememberedResultCheck) checks the memory of unknown node 'otp'",
                        "tree 'bad-memory': node 'username' (UsernameCollector) has bad memory: remember.store 'disk' is not one of session, cookie, none",
                        "tree 'bad-memory': node 'password' (PasswordCollector) has bad memory: remember.ttl must be at most 30 days (P30D)",
                        "tree 'bad-memory': node 'check' (DataStoreDecision) has bad memory: remember.ttl must be positive"));
        admin().get(TREES + "/bad-memory/draft").then().statusCode(404);
    }

    @Test
    void aRememberThatIsNoObjectIs400NotA500() {
        String tree = """
                {"start":"u","nodes":{"u":{"type":"UsernameCollector","remember":"forever","outcomes":{"next":"success"}}}}""";

        admin().contentType("application/json").body(tree).put(TREES + "/not-an-object").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
