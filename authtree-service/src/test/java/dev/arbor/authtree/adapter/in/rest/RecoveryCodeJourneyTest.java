package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.fill;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.login;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.recovery.StoredRecoveryCode;
import dev.arbor.authtree.port.RecoveryCodeStore;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Trees {@code recovery-register} and {@code recovery-use} of realm {@code nodes} over the JSON API, against the
 * real PostgreSQL table: codes shown once, stored as peppered HMACs, each usable once even under concurrency.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RecoveryCodeJourneyTest {
    private static final String REGISTER = "/realms/nodes/authenticate?tree=recovery-register";
    private static final String USE = "/realms/nodes/authenticate?tree=recovery-use";
    /** %test.arbor.authtree.recovery-code-pepper */
    private static final String PEPPER = "dGVzdC1vbmx5LXJlY292ZXJ5LWNvZGUtcGVwcGVyLTMyYg";

    @Inject
    DataSource dataSource;

    @Inject
    RecoveryCodeStore store;

    /** Signs in and confirms a new set; returns the codes as shown. */
    private static List<String> register(String user, String password) {
        String step = login(REGISTER, user, password).then().statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(step);
        assertEquals(List.of("TextOutputCallback", "ConfirmationCallback"), json.getList("callbacks.type"));
        List<String> codes = json.getString("callbacks[0].output[0].value").lines()
                .filter(l -> l.matches("[A-Z0-9]{5}-[A-Z0-9]{5}")).toList();
        assertEquals(10, codes.size());
        post(REGISTER, step).then().statusCode(200).body("realm", equalTo("nodes")); // default option 0: saved
        return codes;
    }

    /** Signs in and answers the recovery-code step with {@code code}; returns the HTTP status. */
    private static int use(String user, String password, String code) {
        String step = login(USE, user, password).then().statusCode(200).extract().asString();
        assertEquals("Recovery code", JsonPath.from(step).getString("callbacks[0].output[0].value"));
        return post(USE, fill(step, code)).statusCode();
    }

    private UUID subject(String username) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM authtree.identities WHERE realm = 'nodes' AND username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    @Test
    void registeredCodesAreStoredOnlyAsPepperedHmacs() throws Exception {
        List<String> codes = register("dora", "Explorer-2026");
        UUID dora = subject("dora");
        List<StoredRecoveryCode> stored = store.unused("nodes", dora);
        assertEquals(10, stored.size());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(PEPPER), "HmacSHA256"));
        byte[] expected = mac.doFinal(("nodes\0" + dora + "\0" + codes.getFirst().replace("-", ""))
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(stored.stream().anyMatch(s -> java.util.Arrays.equals(expected, s.hash())));
        for (StoredRecoveryCode s : stored) {
            assertEquals(32, s.hash().length);
            assertTrue(codes.stream().noneMatch(code -> new String(s.hash(), StandardCharsets.ISO_8859_1)
                    .contains(code.replace("-", ""))));
        }
    }

    @Test
    void aCodeSignsInOnceThenIsRefused() {
        String code = register("erin", "Erin-2026").get(2);
        assertEquals(200, use("erin", "Erin-2026", code.toLowerCase().replace("-", " ")));
        assertEquals(401, use("erin", "Erin-2026", code), "used twice");
    }

    @Test
    void aWrongCodeFailsAndNoCodesLeftIsItsOwnOutcome() {
        // Given frank never registered Then none_left (wired to a message)
        String step = login(USE, "frank", "Frank-2026").then().statusCode(200).extract().asString();
        post(USE, fill(step, "AAAAA-AAAAA")).then().statusCode(200)
                .body("callbacks[0].type", equalTo("TextOutputCallback"))
                .body("callbacks[0].output[0].value", equalTo("No recovery codes left"));
        // Given a set Then a wrong code is a plain failure
        register("frank", "Frank-2026");
        assertEquals(401, use("frank", "Frank-2026", "AAAAA-AAAAA"));
    }

    @Test
    void registeringAgainReplacesTheWholeOldSet() {
        List<String> old = register("dora", "Explorer-2026");
        List<String> fresh = register("dora", "Explorer-2026");
        assertEquals(401, use("dora", "Explorer-2026", old.get(5)));
        assertEquals(200, use("dora", "Explorer-2026", fresh.get(5)));
    }

    @Test
    void twoJourneysRacingWithTheSameCodeLetExactlyOneIn() throws Exception {
        // Given two journeys of grace at the recovery-code step, answered with the same code
        String code = register("grace", "Grace-2026").getFirst();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(fill(login(USE, "grace", "Grace-2026").then().statusCode(200).extract().asString(), code));
        }
        // When both are posted at once
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String answer : answers) {
                results.add(pool.submit(() -> {
                    go.await();
                    return post(USE, answer).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            // Then one signs in and the other fails
            assertEquals(List.of(200, 401), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void markUsedIsAtomicAcrossManyConcurrentCallers() throws Exception {
        // Given one unused code
        register("grace", "Grace-2026");
        UUID grace = subject("grace");
        long id = store.unused("nodes", grace).getFirst().id();
        // When 8 callers (think replicas) use it at once
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Boolean> use = () -> {
                    go.await();
                    return store.markUsed("nodes", grace, id);
                };
                results.add(pool.submit(use));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            // Then exactly one wins, and the code is no longer unused
            assertEquals(1, winners);
            assertTrue(store.unused("nodes", grace).stream().noneMatch(s -> s.id() == id));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCodeOfOneIdentityDoesNotWorkForAnother() {
        String doraCode = register("dora", "Explorer-2026").getFirst();
        register("erin", "Erin-2026");
        assertEquals(401, use("erin", "Erin-2026", doraCode));
    }

    @Test
    void aStepWithoutTheCodeIsABadRequestNotA500() {
        String step = login(USE, "dora", "Explorer-2026").then().statusCode(200).extract().asString();
        String withoutInput = step.replace("\"input\":[{\"name\":\"IDToken1\",\"value\":\"\"}]", "\"input\":[]");
        post(USE, withoutInput).then().statusCode(400).contentType("application/problem+json");
    }
}
