package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.InMemoryPorts;
import dev.arbor.authtree.domain.totp.Totp;
import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.domain.totp.TotpVerifier;
import dev.arbor.authtree.port.SecretSealer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of TotpCollector, TotpDecision and TotpRegistration with in-memory ports. */
class TotpNodesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:10Z");
    private static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final UUID ALICE = UUID.randomUUID();

    private final InMemoryPorts ports = new InMemoryPorts();
    private final Set<String> used = new HashSet<>();
    private final TotpVerifier verifier = new TotpVerifier(Clock.fixed(NOW, ZoneOffset.UTC),
            (realm, subject, step) -> used.add(subject + "/" + step));
    /** Reversible but not clear text: enough to show the node never puts the raw secret into shared state. */
    private final SecretSealer sealer = new SecretSealer() {
        @Override
        public String seal(byte[] secret) {
            return "sealed:" + Base64.getEncoder().encodeToString(secret).chars()
                    .mapToObj(c -> String.valueOf((char) (c + 1))).reduce("", String::concat);
        }

        @Override
        public Optional<byte[]> open(String sealed) {
            if (sealed == null || !sealed.startsWith("sealed:")) {
                return Optional.empty();
            }
            String b64 = sealed.substring(7).chars().mapToObj(c -> String.valueOf((char) (c - 1)))
                    .reduce("", String::concat);
            return Optional.of(Base64.getDecoder().decode(b64));
        }
    };
    private final TotpDecision decision = new TotpDecision(ports, verifier);
    private final TotpRegistration registration = new TotpRegistration(ports, verifier, sealer, text -> "data:qr",
            new SecureRandom());

    private static String codeNow(byte[] secret) {
        return Totp.code(secret, Totp.step(NOW));
    }

    private static NodeState signedIn(UUID subject) {
        return new NodeState(Map.of("subject", subject.toString(), "username", "alice"));
    }

    private NodeContext withCode(NodeState state, String code) {
        state.putTransient(TotpCollector.ONE_TIME_PASSWORD, code);
        return new NodeContext("r", state, List.of());
    }

    @Test
    void collectorAsksWithAPasswordCallbackAndPutsTheCodeIntoTransientState() {
        TotpCollector collector = new TotpCollector();
        NodeState state = new NodeState(Map.of());
        // When entered Then the AM OTP prompt
        assertEquals(Action.send(Callback.prompt("PasswordCallback", "One Time Password")),
                collector.process(new NodeContext("r", state, List.of())));
        // When answered Then transient only
        assertEquals(Action.goTo("next"), collector.process(new NodeContext("r", state,
                List.of(new Callback("PasswordCallback", List.of(), " 123456 ")))));
        assertEquals("123456", state.transientValue(TotpCollector.ONE_TIME_PASSWORD).orElseThrow());
        assertTrue(state.sharedSnapshot().isEmpty());
    }

    @Test
    void collectorWithoutTheAnswerIsMissingInput() {
        assertThrows(MissingInputException.class, () -> new TotpCollector().process(new NodeContext("r",
                new NodeState(Map.of()), List.of(new Callback("NameCallback", List.of(), "x")))));
    }

    @Test
    void decisionIsTrueForTheCurrentCodeAndFalseForItsReplay() {
        ports.totpSecrets.put(ALICE, SECRET);
        assertEquals(Action.goTo("true"), decision.process(withCode(signedIn(ALICE), codeNow(SECRET.bytes()))));
        assertEquals(Action.goTo("false"), decision.process(withCode(signedIn(ALICE), codeNow(SECRET.bytes()))));
    }

    @Test
    void decisionIsFalseForAWrongCodeAndWithoutASubject() {
        ports.totpSecrets.put(ALICE, SECRET);
        String wrong = codeNow(SECRET.bytes()).equals("000000") ? "000001" : "000000";
        assertEquals(Action.goTo("false"), decision.process(withCode(signedIn(ALICE), wrong)));
        assertEquals(Action.goTo("false"), decision.process(withCode(new NodeState(Map.of()), codeNow(SECRET.bytes()))));
    }

    @Test
    void decisionIsUnregisteredForAnIdentityWithoutASecret() {
        assertEquals(Action.goTo("unregistered"), decision.process(withCode(signedIn(UUID.randomUUID()), "123456")));
    }

    @Test
    void registrationOffersASealedSecretThenStoresItWhenTheFirstCodeIsRight() {
        NodeState state = signedIn(ALICE);
        // When entered Then instructions, the otpauth URI with its QR code, and a code prompt
        Action.SendCallbacks offer = (Action.SendCallbacks) registration.process(
                new NodeContext("r", "enrol", Map.of("issuer", "Acme"), state, List.of()));
        assertEquals(List.of("TextOutputCallback", "HiddenValueCallback", "PasswordCallback"),
                offer.callbacks().stream().map(Callback::type).toList());
        String uri = (String) offer.callbacks().get(1).output().get(1).value();
        assertTrue(uri.startsWith("otpauth://totp/Acme:alice?secret="), uri);
        assertEquals("data:qr", offer.callbacks().get(1).output().get(2).value());
        TotpSecret offered = TotpSecret.fromBase32(uri.replaceAll(".*secret=([A-Z2-7]+).*", "$1"));
        assertFalse(state.sharedSnapshot().toString().contains(offered.base32()), "sealed, not clear");

        // When answered with the app's code Then stored, and the pending secret leaves the journey state
        Action done = registration.process(new NodeContext("r", "enrol", Map.of(), state,
                List.of(new Callback("PasswordCallback", List.of(), codeNow(offered.bytes())))));
        assertEquals(Action.goTo("true"), done);
        assertTrue(ports.totpSecrets.get(ALICE).sameAs(offered));
        assertTrue(state.shared(TotpRegistration.PENDING).isEmpty());
    }

    @Test
    void registrationWithAWrongCodeStoresNothing() {
        NodeState state = signedIn(ALICE);
        registration.process(new NodeContext("r", "enrol", Map.of(), state, List.of()));
        assertEquals(Action.goTo("false"), registration.process(new NodeContext("r", "enrol", Map.of(), state,
                List.of(new Callback("PasswordCallback", List.of(), "abcdef")))));
        assertTrue(ports.totpSecrets.isEmpty());
    }

    @Test
    void registrationIssuerWithAColonIsAConfigProblem() {
        assertEquals(1, registration.configProblems(Map.of("issuer", "a:b")).size());
        assertTrue(registration.configProblems(Map.of()).isEmpty());
    }

    @Test
    void eachTotpNodeShipsItsMessageBundle() {
        for (Class<? extends Node> node : List.of(TotpCollector.class, TotpDecision.class, TotpRegistration.class)) {
            assertFalse(java.util.ResourceBundle.getBundle(node.getName()).keySet().isEmpty(), node.getSimpleName());
        }
        assertEquals("One Time Password", NodeMessages.get(TotpCollector.class, "prompt"));
    }
}
