package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.adapter.out.webauthn.YubicoWebAuthnRelyingParty;
import dev.arbor.authtree.domain.InMemoryPorts;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.webauthn.RelyingPartySettings;
import dev.arbor.authtree.support.InMemoryWebAuthnCredentials;
import dev.arbor.authtree.support.SoftwareAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of WebAuthnRegistration and WebAuthnAuthentication with in-memory ports. */
class WebAuthnNodesTest {
    private static final String REALM = "r";

    private final InMemoryPorts identities = new InMemoryPorts();
    private final InMemoryWebAuthnCredentials credentials = new InMemoryWebAuthnCredentials();
    private final MovableClock clock = new MovableClock();
    private final YubicoWebAuthnRelyingParty rp = new YubicoWebAuthnRelyingParty(credentials, identities,
            realm -> new RelyingPartySettings("localhost", "Arbor Test", List.of("http://localhost:8080")), clock);
    private final WebAuthnRegistration registration = new WebAuthnRegistration(identities, rp, clock);
    private final WebAuthnAuthentication authentication = new WebAuthnAuthentication(identities, rp, clock);
    private final Identity alice = new Identity(UUID.randomUUID(), REALM, "alice", "x", Map.of());

    WebAuthnNodesTest() {
        identities.save(alice);
        identities.save(new Identity(UUID.randomUUID(), REALM, "carol", "x", Map.of()));
    }

    /** A clock a test moves forward, instead of sleeping. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final Map<String, Object> USERNAMELESS = Map.of("usernameless", true, "userVerification", "required");

    private static Callback sent(Action action) {
        return assertInstanceOf(Action.SendCallbacks.class, action).callbacks().getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> publicKey(Callback callback) {
        return (Map<String, Object>) callback.output().stream().filter(f -> f.name().equals("publicKey")).findFirst()
                .orElseThrow().value();
    }

    @SuppressWarnings("unchecked")
    private static String userId(Callback callback) {
        return (String) ((Map<String, Object>) publicKey(callback).get("user")).get("id");
    }

    private static NodeContext answer(NodeState state, Map<String, Object> config, String type, String credential) {
        return new NodeContext(REALM, "n", config, state, List.of(new Callback(type, List.of(), credential)));
    }

    private SoftwareAuthenticator registerAlice() {
        NodeState state = new NodeState(Map.of("subject", alice.id().toString()));
        Callback callback = sent(registration.process(new NodeContext(REALM, "n", Map.of(), state, List.of())));
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String credential = authenticator.register((String) publicKey(callback).get("challenge"), userId(callback));
        assertEquals(Action.goTo("registered"), registration.process(answer(state, Map.of(),
                WebAuthnRegistration.CALLBACK, credential)));
        return authenticator;
    }

    @Test
    void registrationSendsCreationOptionsAndKeepsTheChallengeServerSide() {
        // Given a journey that proved alice
        NodeState state = new NodeState(Map.of("subject", alice.id().toString()));

        // When the node is entered
        Callback callback = sent(registration.process(new NodeContext(REALM, "n",
                Map.of("userVerification", "required", "residentKey", "required"), state, List.of())));

        // Then one WebAuthnRegistrationCallback with the options, a named input, and the request in shared state
        assertEquals("WebAuthnRegistrationCallback", callback.type());
        assertEquals("credential", callback.inputName());
        assertEquals("", callback.input());
        assertEquals("alice", ((Map<?, ?>) publicKey(callback).get("user")).get("name"));
        String challenge = (String) publicKey(callback).get("challenge");
        assertTrue(state.shared("webauthnRegistrationRequest").orElseThrow().contains(challenge));
    }

    @Test
    void registrationWithoutASubjectFails() {
        assertEquals(Action.goTo("failed"), registration.process(new NodeContext(REALM, new NodeState(Map.of()),
                List.of())));
    }

    @Test
    void registrationStoresTheCredentialAndConsumesTheRequest() {
        registerAlice();

        assertEquals(1, credentials.findBySubject(REALM, alice.id()).size());
    }

    @Test
    void registrationAnsweredAfterTheTimeoutFails() {
        NodeState state = new NodeState(Map.of("subject", alice.id().toString()));
        Callback callback = sent(registration.process(new NodeContext(REALM, "n", Map.of("timeout", "PT1M"), state,
                List.of())));
        String credential = new SoftwareAuthenticator().register((String) publicKey(callback).get("challenge"),
                userId(callback));

        clock.now = clock.now.plus(Duration.ofSeconds(61));

        assertEquals(Action.goTo("failed"), registration.process(answer(state, Map.of("timeout", "PT1M"),
                WebAuthnRegistration.CALLBACK, credential)));
        assertTrue(credentials.credentials.isEmpty());
    }

    @Test
    void missingOrBlankOrNonJsonCredentialIsBadInputAndLeavesTheChallenge() {
        NodeState state = new NodeState(Map.of("subject", alice.id().toString()));
        sent(registration.process(new NodeContext(REALM, "n", Map.of(), state, List.of())));

        assertThrows(MissingInputException.class, () -> registration.process(answer(state, Map.of(),
                WebAuthnRegistration.CALLBACK, null)));
        assertThrows(MissingInputException.class, () -> registration.process(answer(state, Map.of(),
                WebAuthnRegistration.CALLBACK, "  ")));
        assertThrows(MissingInputException.class, () -> registration.process(answer(state, Map.of(),
                WebAuthnRegistration.CALLBACK, "not json")));
    }

    @Test
    void usernamelessAuthenticationWritesTheSubjectAndUsernameOfThePasskey() {
        // Given alice registered a passkey
        SoftwareAuthenticator passkey = registerAlice();
        NodeState state = new NodeState(Map.of());

        // When a journey without a username asks for a passkey and gets her assertion
        Callback callback = sent(authentication.process(new NodeContext(REALM, "n", USERNAMELESS, state, List.of())));
        assertEquals("WebAuthnAuthenticationCallback", callback.type());
        Object allowed = publicKey(callback).get("allowCredentials");
        assertTrue(allowed == null || ((List<?>) allowed).isEmpty());
        Action action = authentication.process(answer(state, USERNAMELESS, WebAuthnAuthentication.CALLBACK,
                passkey.assertion((String) publicKey(callback).get("challenge"))));

        // Then true, as alice
        assertEquals(Action.goTo("true"), action);
        assertEquals(alice.id().toString(), state.shared("subject").orElseThrow());
        assertEquals("alice", state.shared("username").orElseThrow());
        assertFalse(state.shared("webauthnAuthenticationRequest").isPresent(), "the challenge is consumed");
    }

    @Test
    void w5SecondSubmissionOfTheSameAssertionFindsNoChallenge() {
        SoftwareAuthenticator passkey = registerAlice();
        NodeState state = new NodeState(Map.of());
        Callback callback = sent(authentication.process(new NodeContext(REALM, "n", USERNAMELESS, state, List.of())));
        String assertion = passkey.assertion((String) publicKey(callback).get("challenge"));
        assertEquals(Action.goTo("true"), authentication.process(answer(state, USERNAMELESS,
                WebAuthnAuthentication.CALLBACK, assertion)));

        assertEquals(Action.goTo("false"), authentication.process(answer(state, USERNAMELESS,
                WebAuthnAuthentication.CALLBACK, assertion)));
    }

    @Test
    void w7AssertionAfterTheTimeoutFails() {
        SoftwareAuthenticator passkey = registerAlice();
        NodeState state = new NodeState(Map.of());
        Callback callback = sent(authentication.process(new NodeContext(REALM, "n", USERNAMELESS, state, List.of())));

        clock.now = clock.now.plus(Duration.ofMinutes(2)).plusMillis(1);

        assertEquals(Action.goTo("false"), authentication.process(answer(state, USERNAMELESS,
                WebAuthnAuthentication.CALLBACK, passkey.assertion((String) publicKey(callback).get("challenge")))));
        assertTrue(state.shared("subject").isEmpty());
    }

    @Test
    void w12CounterRegressionFailsByDefaultAndPassesWithFlagPolicy() {
        SoftwareAuthenticator passkey = registerAlice();
        passkey.signCount = 10;
        NodeState first = new NodeState(Map.of());
        Callback c1 = sent(authentication.process(new NodeContext(REALM, "n", USERNAMELESS, first, List.of())));
        assertEquals(Action.goTo("true"), authentication.process(answer(first, USERNAMELESS,
                WebAuthnAuthentication.CALLBACK, passkey.assertion((String) publicKey(c1).get("challenge")))));
        SoftwareAuthenticator clone = passkey.cloneWithCounter(3);

        NodeState second = new NodeState(Map.of());
        Callback c2 = sent(authentication.process(new NodeContext(REALM, "n", USERNAMELESS, second, List.of())));
        assertEquals(Action.goTo("false"), authentication.process(answer(second, USERNAMELESS,
                WebAuthnAuthentication.CALLBACK, clone.assertion((String) publicKey(c2).get("challenge")))));

        Map<String, Object> flag = Map.of("usernameless", true, "signCountRegression", "flag");
        NodeState third = new NodeState(Map.of());
        Callback c3 = sent(authentication.process(new NodeContext(REALM, "n", flag, third, List.of())));
        assertEquals(Action.goTo("true"), authentication.process(answer(third, flag,
                WebAuthnAuthentication.CALLBACK, clone.assertion((String) publicKey(c3).get("challenge")))));
        assertTrue(credentials.credentials.getFirst().signCountRegressed());
    }

    @Test
    void namedAuthenticationWithoutCredentialsTakesNoCredentials() {
        NodeState state = new NodeState(Map.of("username", "carol"));

        assertEquals(Action.goTo("no_credentials"), authentication.process(new NodeContext(REALM, "n", Map.of(),
                state, List.of())));
        assertEquals(Action.goTo("no_credentials"), authentication.process(new NodeContext(REALM, "n", Map.of(),
                new NodeState(Map.of("username", "nobody")), List.of())));
    }

    @Test
    void namedAuthenticationListsTheUsersCredentialAndAcceptsIt() {
        SoftwareAuthenticator passkey = registerAlice();
        NodeState state = new NodeState(Map.of("username", "alice"));
        Callback callback = sent(authentication.process(new NodeContext(REALM, "n", Map.of(), state, List.of())));
        assertEquals(1, ((List<?>) publicKey(callback).get("allowCredentials")).size());

        assertEquals(Action.goTo("true"), authentication.process(answer(state, Map.of(),
                WebAuthnAuthentication.CALLBACK, passkey.assertion((String) publicKey(callback).get("challenge")))));
    }

    @Test
    void configIsTypedAndReadsDependOnUsernameless() {
        assertEquals(List.of(), authentication.configProblems(Map.of("usernameless", true, "timeout", "PT30S")));
        assertEquals(List.of("'signCountRegression' must be flag or fail"),
                authentication.configProblems(Map.of("signCountRegression", "ignore")));
        assertEquals(List.of("'userVerification' must be required, preferred or discouraged"),
                registration.configProblems(Map.of("userVerification", "always")));
        assertEquals(List.of("'attestation' must be none"), registration.configProblems(Map.of("attestation", "direct")));
        assertEquals(Set.of(), authentication.reads(Map.of("usernameless", true)));
        assertEquals(Set.of("username"), authentication.reads(Map.of()));
        assertEquals(List.of("true", "false", "no_credentials"), authentication.outcomes());
        assertEquals(List.of("registered", "failed"), registration.outcomes());
    }
}
