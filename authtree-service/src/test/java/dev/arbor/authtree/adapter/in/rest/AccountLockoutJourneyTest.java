package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.login;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arbor.authtree.support.AdjustableClock;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Brute force through the journey API against real Redis and PostgreSQL: tree {@code lockout} of the test
 * realm locks an identity for PT15M after 5 failures.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountLockoutJourneyTest {
    private static final String PATH = "/realms/test/authenticate?tree=lockout";
    private static final String PASSWORD = "Wonderland-2026";

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void hundredWrongPasswordsLockTheAccountTheRightOneFailsIdenticallyUntilTheLockEnds() {
        // Given a wrong password's response before any lock
        Response firstWrong = login(PATH, "alice", "wrong-0");
        assertEquals(401, firstWrong.statusCode());
        byte[] wrongBody = firstWrong.asByteArray();

        // When 100 wrong passwords are tried
        for (int i = 1; i < 100; i++) {
            Response wrong = login(PATH, "alice", "wrong-" + i);
            assertEquals(401, wrong.statusCode());
            assertArrayEquals(wrongBody, wrong.asByteArray());
        }

        // Then the right password fails with the byte-identical response and no session cookie
        Response locked = login(PATH, "alice", PASSWORD);
        assertEquals(401, locked.statusCode());
        assertArrayEquals(wrongBody, locked.asByteArray());
        assertEquals(firstWrong.contentType(), locked.contentType());
        assertNull(locked.cookie("arbor_session"));

        // And attempts 10 minutes into the lock neither pass nor extend it
        clock.advance(Duration.ofMinutes(10));
        assertArrayEquals(wrongBody, login(PATH, "alice", PASSWORD).asByteArray());
        assertArrayEquals(wrongBody, login(PATH, "alice", "wrong-again").asByteArray());

        // Then once 15 minutes have passed since the lock, the right password succeeds
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Response unlocked = login(PATH, "alice", PASSWORD);
        assertEquals(200, unlocked.statusCode());
        assertEquals("test", unlocked.jsonPath().getString("realm"));
    }

    @Test
    void lockingOneUsernameDoesNotLockAnother() {
        for (int i = 0; i < 5; i++) {
            login(PATH, "mallory", "guess-" + i);
        }
        assertEquals(401, login(PATH, "mallory", "guess").statusCode());
        assertEquals(200, login(PATH, "Alice".toLowerCase(), PASSWORD).statusCode());
    }
}
