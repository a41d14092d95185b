package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.fill;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.post;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.start;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.totp.Totp;
import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.support.AdjustableClock;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tree {@code password-otp} of the test realm over the JSON API, against real PostgreSQL and Redis: alice is
 * enrolled from realm YAML, bob is not. The test computes codes from the secret with the service's clock,
 * which each test moves to a time step no other test uses (replays are per user and step).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TotpJourneyTest {
    private static final String PATH = "/realms/test/authenticate?tree=password-otp";
    private static final byte[] ALICE_SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").bytes();

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void freshTimeStep() {
        clock.advance(Duration.ofMinutes(5));
    }

    private String currentCode(byte[] secret) {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    /** Username and password; returns the OTP step. */
    private static String toOtpStep(String username, String password) {
        String first = start(PATH).then().statusCode(200).extract().asString();
        String second = post(PATH, fill(first, username)).then().statusCode(200).extract().asString();
        return post(PATH, fill(second, password)).then().statusCode(200).extract().asString();
    }

    @Test
    void passwordThenCurrentCodeLogsInWithASessionCookie() {
        String otp = toOtpStep("alice", "Wonderland-2026");
        JsonPath step = JsonPath.from(otp);
        assertEquals("otp", step.getString("stage"));
        assertEquals("PasswordCallback", step.getString("callbacks[0].type"));
        assertEquals("One Time Password", step.getString("callbacks[0].output[0].value"));

        Response done = post(PATH, fill(otp, currentCode(ALICE_SECRET)));

        done.then().statusCode(200).body("realm", equalTo("test"));
        assertTrue(done.cookie("arbor_session") != null);
    }

    @Test
    void codeOfThePreviousStepIsStillAccepted() {
        String otp = toOtpStep("alice", "Wonderland-2026");
        String previous = Totp.code(ALICE_SECRET, Totp.step(clock.instant()) - 1);

        post(PATH, fill(otp, previous)).then().statusCode(200);
    }

    @Test
    void sameCodeInASecondJourneyIsRefusedAsAReplay() {
        String code = currentCode(ALICE_SECRET);
        post(PATH, fill(toOtpStep("alice", "Wonderland-2026"), code)).then().statusCode(200);

        post(PATH, fill(toOtpStep("alice", "Wonderland-2026"), code)).then().statusCode(401)
                .body("message", equalTo("Login failure"));
    }

    @Test
    void wrongCodeFailsLikeAWrongPassword() {
        String right = currentCode(ALICE_SECRET);
        String wrong = right.equals("123456") ? "654321" : "123456";

        post(PATH, fill(toOtpStep("alice", "Wonderland-2026"), wrong)).then().statusCode(401)
                .body("message", equalTo("Login failure"));
    }

    @Test
    void malformedCodeIsALoginFailureNotA500() {
        post(PATH, fill(toOtpStep("alice", "Wonderland-2026"), "12 34 56 78 <script>")).then().statusCode(401);
    }

    @Test
    void wrongPasswordNeverReachesTheOtpStep() {
        String first = start(PATH).then().statusCode(200).extract().asString();
        String second = post(PATH, fill(first, "alice")).then().statusCode(200).extract().asString();
        post(PATH, fill(second, "wrong")).then().statusCode(401);
    }

    @Test
    void unregisteredUserEnrolsWithTheQrCodeAndTheNextLoginUsesTheNewSecret() {
        // Given bob has no TOTP secret: his code leads to the registration step
        String registration = post(PATH, fill(toOtpStep("bob", "Builder-2026"), "000000")).then().statusCode(200)
                .body("stage", equalTo("enrol"))
                .body("callbacks[0].type", equalTo("TextOutputCallback"))
                .body("callbacks[1].type", equalTo("HiddenValueCallback"))
                .body("callbacks[1].input", emptyIterable())
                .body("callbacks[1].output[0].value", equalTo("totpRegistration"))
                .body("callbacks[1].output[1].value", startsWith("otpauth://totp/Arbor%20Test:bob?secret="))
                .body("callbacks[1].output[2].value", startsWith("data:image/svg+xml;base64,"))
                .body("callbacks[2].type", equalTo("PasswordCallback"))
                .extract().asString();
        JsonPath step = JsonPath.from(registration);
        String svg = new String(Base64.getDecoder().decode(
                step.getString("callbacks[1].output[2].value").substring("data:image/svg+xml;base64,".length())));
        assertTrue(svg.startsWith("<svg"), svg);
        URI uri = URI.create(step.getString("callbacks[1].output[1].value"));
        String base32 = uri.getQuery().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        byte[] secret = TotpSecret.fromBase32(base32).bytes();
        assertEquals(20, secret.length);
        assertFalse(registration.contains("totpRegistrationPending"), "the pending secret stays server-side");

        // When he answers with the app's code
        post(PATH, fillThird(registration, currentCode(secret))).then().statusCode(200);

        // Then the secret is stored sealed, and the next login asks for a code of that secret
        assertSealedAtRest(base32);
        clock.advance(Duration.ofMinutes(2));
        post(PATH, fill(toOtpStep("bob", "Builder-2026"), currentCode(secret))).then().statusCode(200)
                .body("successUrl", notNullValue());
    }

    @Test
    void registrationWithAWrongCodeStoresNothing() {
        String registration = post(PATH, fill(toOtpStep("carol", "Carol-2026"), "000000")).then().statusCode(200)
                .body("stage", equalTo("enrol")).extract().asString();
        String base32 = URI.create(JsonPath.from(registration).getString("callbacks[1].output[1].value")).getQuery()
                .replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        String right = currentCode(TotpSecret.fromBase32(base32).bytes());

        post(PATH, fillThird(registration, right.equals("111111") ? "222222" : "111111")).then().statusCode(401);

        assertEquals(0, secretsOf("carol"));
        post(PATH, fill(toOtpStep("carol", "Carol-2026"), right)).then().statusCode(200).body("stage", equalTo("enrol"));
    }

    private int secretsOf(String username) {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT count(*) FROM "
                + "authtree.totp_secrets s JOIN authtree.identities i ON i.id = s.identity_id WHERE i.username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aliceSecretIsSealedAtRestNotInClear() {
        assertSealedAtRest("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    private void assertSealedAtRest(String base32) {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT secret_jwe FROM authtree.totp_secrets")) {
            int rows = 0;
            while (rs.next()) {
                String stored = rs.getString(1);
                assertEquals(5, stored.split("\\.", -1).length, "a compact JWE");
                assertFalse(stored.contains(base32));
                rows++;
            }
            assertTrue(rows >= 1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registration step with {@code code} in its third callback (the first two are read-only). */
    private static String fillThird(String step, String code) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(step);
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("callbacks").get(2).get("input").get(0))
                    .put("value", code);
            return json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
