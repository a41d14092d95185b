package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.fill;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.post;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.start;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.adapter.out.webauthn.WebAuthnRealms;
import dev.arbor.authtree.support.AdjustableClock;
import dev.arbor.authtree.support.SoftwareAuthenticator;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trees {@code passkey-register}, {@code passkey} (usernameless) and {@code passkey-named} of the test realm over
 * the JSON API, with a software authenticator producing real attestation and assertion objects (P-256,
 * {@code none} attestation) for RP ID {@code localhost} and origin {@code http://localhost:8080}; credentials
 * land in the real PostgreSQL, the journey state in the (fake) session-store.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebAuthnJourneyTest {
    private static final String REGISTER = "/realms/test/authenticate?tree=passkey-register";
    private static final String PASSKEY = "/realms/test/authenticate?tree=passkey";
    private static final String NAMED = "/realms/test/authenticate?tree=passkey-named";

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    WebAuthnRealms realms;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The registration step of {@code passkey-register} for a user, after username and password. */
    private static String registrationStep(String username, String password) {
        String first = start(REGISTER).then().statusCode(200).extract().asString();
        String second = post(REGISTER, fill(first, username)).then().statusCode(200).extract().asString();
        return post(REGISTER, fill(second, password)).then().statusCode(200)
                .body("callbacks[0].type", equalTo("WebAuthnRegistrationCallback")).extract().asString();
    }

    private static String register(SoftwareAuthenticator authenticator, String step) {
        JsonPath json = JsonPath.from(step);
        return authenticator.register(json.getString("callbacks[0].output[0].value.challenge"),
                json.getString("callbacks[0].output[0].value.user.id"));
    }

    private static SoftwareAuthenticator registered(String username, String password) {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String step = registrationStep(username, password);
        post(REGISTER, fill(step, register(authenticator, step))).then().statusCode(200)
                .body("successUrl", notNullValue());
        return authenticator;
    }

    private static String passkeyStep() {
        return start(PASSKEY).then().statusCode(200)
                .body("callbacks[0].type", equalTo("WebAuthnAuthenticationCallback")).extract().asString();
    }

    private static String challenge(String step) {
        return JsonPath.from(step).getString("callbacks[0].output[0].value.challenge");
    }

    @Test
    void relyingPartyOfTheRealmComesFromItsYamlSection() {
        assertEquals("Arbor Test", realms.of("test").rpName());
        assertEquals("localhost", realms.of("test").rpId());
        assertEquals(java.util.List.of("http://localhost:8080"), realms.of("test").origins());
    }

    @Test
    void registrationStepIsTheDocumentedCallbackShape() {
        String step = registrationStep("bob", "Builder-2026");
        JsonPath json = JsonPath.from(step);

        assertEquals("publicKey", json.getString("callbacks[0].output[0].name"));
        assertEquals("localhost", json.getString("callbacks[0].output[0].value.rp.id"));
        assertEquals("bob", json.getString("callbacks[0].output[0].value.user.name"));
        assertEquals("required", json.getString("callbacks[0].output[0].value.authenticatorSelection.userVerification"));
        assertEquals("required", json.getString("callbacks[0].output[0].value.authenticatorSelection.residentKey"));
        assertEquals("credential", json.getString("callbacks[0].input[0].name"));
        assertEquals("", json.getString("callbacks[0].input[0].value"));
        assertFalse(step.contains("webauthnRegistrationRequest"), "the request stays server-side");
    }

    @Test
    void w1AliceRegistersAPasskeyAndThenSignsInWithoutAUsername() {
        // Given alice registered a passkey after her password
        SoftwareAuthenticator passkey = registered("alice", "Wonderland-2026");
        assertEquals(1, credentialRows(passkey));

        // When a fresh usernameless journey gets her assertion
        String step = passkeyStep();
        JsonPath json = JsonPath.from(step);
        assertTrue(json.getList("callbacks[0].output[0].value.allowCredentials") == null
                || json.getList("callbacks[0].output[0].value.allowCredentials").isEmpty());

        // Then she is signed in: the session cookie is set, and the credential's counter and use are recorded
        post(PASSKEY, fill(step, passkey.assertion(challenge(step)))).then().statusCode(200)
                .body("successUrl", notNullValue()).header("Set-Cookie", containsString("arbor_session="));
        assertEquals(1L, column(passkey, "sign_count"));
        assertTrue((Boolean) column(passkey, "last_used_at IS NOT NULL"));
    }

    @Test
    void namedTreeAcceptsTheUsersPasskeyAndRefusesAUserWithout() {
        SoftwareAuthenticator passkey = registered("bob", "Builder-2026");
        String first = start(NAMED).then().statusCode(200).extract().asString();
        String step = post(NAMED, fill(first, "bob")).then().statusCode(200)
                .body("callbacks[0].output[0].value.allowCredentials[0].id", equalTo(passkey.credentialIdBase64Url()))
                .extract().asString();
        post(NAMED, fill(step, passkey.assertion(challenge(step)))).then().statusCode(200);

        // carol has no credential: no_credentials is wired to failure
        String carol = start(NAMED).then().statusCode(200).extract().asString();
        post(NAMED, fill(carol, "carol")).then().statusCode(401).body("message", equalTo("Login failure"));
    }

    @Test
    void missingOrMalformedCredentialIsA400AndTheStepStaysUsable() {
        SoftwareAuthenticator passkey = registered("alice", "Wonderland-2026");
        String step = passkeyStep();

        post(PASSKEY, step).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", equalTo(400));
        post(PASSKEY, fill(step, "{not json")).then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        post(PASSKEY, fill(step, "{\"id\":\"AAAA\",\"type\":\"public-key\"}")).then().statusCode(400);

        post(PASSKEY, fill(step, passkey.assertion(challenge(step)))).then().statusCode(200);
    }

    @Test
    void w5ReplayedAssertionIsRefusedBothAsASecondSubmissionAndInANewJourney() {
        SoftwareAuthenticator passkey = registered("alice", "Wonderland-2026");
        String step = passkeyStep();
        String answered = fill(step, passkey.assertion(challenge(step)));
        post(PASSKEY, answered).then().statusCode(200);

        post(PASSKEY, answered).then().statusCode(401);
        String other = passkeyStep();
        String captured = JsonPath.from(answered).getString("callbacks[0].input[0].value");
        post(PASSKEY, fill(other, captured)).then().statusCode(401).body("message", equalTo("Login failure"));
    }

    @Test
    void w6ChallengeOfJourneyAUsedInJourneyBIsRefused() {
        SoftwareAuthenticator passkey = registered("alice", "Wonderland-2026");
        String a = passkeyStep();
        String b = passkeyStep();

        post(PASSKEY, fill(b, passkey.assertion(challenge(a)))).then().statusCode(401)
                .body("message", equalTo("Login failure"));
    }

    @Test
    void w7AssertionAfterTheTimeoutIsRefused() {
        SoftwareAuthenticator passkey = registered("alice", "Wonderland-2026");
        String step = passkeyStep();

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        post(PASSKEY, fill(step, passkey.assertion(challenge(step)))).then().statusCode(401)
                .body("message", equalTo("Login failure"));
    }

    @Test
    void w10SameCredentialIdForASecondUserIsRefused() {
        SoftwareAuthenticator passkey = registered("alice", "Wonderland-2026");
        String bobStep = registrationStep("bob", "Builder-2026");

        post(REGISTER, fill(bobStep, register(passkey, bobStep))).then().statusCode(401);

        assertEquals(1, credentialRows(passkey));
    }

    @Test
    void w12ClonedAuthenticatorWithALowerCounterFailsAndTheCredentialIsFlagged() {
        SoftwareAuthenticator passkey = registered("alice", "Wonderland-2026");
        passkey.signCount = 41;
        String step = passkeyStep();
        post(PASSKEY, fill(step, passkey.assertion(challenge(step)))).then().statusCode(200);
        SoftwareAuthenticator clone = passkey.cloneWithCounter(5);

        String again = passkeyStep();
        post(PASSKEY, fill(again, clone.assertion(challenge(again)))).then().statusCode(401);

        assertTrue((Boolean) column(passkey, "sign_count_regressed"));
        assertEquals(42L, column(passkey, "sign_count"));
    }

    @Test
    void w13MissingUserHandleOrAnotherAccountsHandleIsRefused() {
        SoftwareAuthenticator alice = registered("alice", "Wonderland-2026");
        SoftwareAuthenticator bob = registered("bob", "Builder-2026");
        byte[] aliceHandle = alice.userHandle;

        alice.userHandle = null;
        String step = passkeyStep();
        post(PASSKEY, fill(step, alice.assertion(challenge(step)))).then().statusCode(401);

        alice.userHandle = bob.userHandle;
        String other = passkeyStep();
        post(PASSKEY, fill(other, alice.assertion(challenge(other)))).then().statusCode(401);

        alice.userHandle = aliceHandle;
        String right = passkeyStep();
        post(PASSKEY, fill(right, alice.assertion(challenge(right)))).then().statusCode(200);
    }

    private int credentialRows(SoftwareAuthenticator authenticator) {
        return ((Number) column(authenticator, "count(*) OVER ()", true)).intValue();
    }

    private Object column(SoftwareAuthenticator authenticator, String expression) {
        return column(authenticator, expression, false);
    }

    private Object column(SoftwareAuthenticator authenticator, String expression, boolean zeroWhenNone) {
        String sql = "SELECT " + expression + " FROM authtree.webauthn_credentials WHERE credential_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, Base64.getUrlDecoder().decode(authenticator.credentialIdBase64Url()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (zeroWhenNone) {
                        return 0;
                    }
                    throw new AssertionError("no credential row");
                }
                return rs.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
