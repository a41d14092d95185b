package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.recovery.RecoveryCodes;
import dev.arbor.authtree.domain.recovery.StoredRecoveryCode;
import dev.arbor.authtree.port.RecoveryCodeHasher;
import dev.arbor.authtree.port.RecoveryCodeStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of RecoveryCodeRegistration and RecoveryCodeDecision with an in-memory store. */
class RecoveryCodeNodesTest {
    private static final UUID ALICE = UUID.randomUUID();

    /** Not the production HMAC (that one is tested over PostgreSQL); any keyed, deterministic hash will do. */
    private final RecoveryCodeHasher hasher = (realm, subject, code) -> sha256(realm + "/" + subject + "/" + code);
    private final InMemoryCodes store = new InMemoryCodes();
    private final RecoveryCodeRegistration registration = new RecoveryCodeRegistration(store, hasher, new SecureRandom());
    private final RecoveryCodeDecision decision = new RecoveryCodeDecision(store, hasher);

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static NodeState signedIn() {
        return new NodeState(Map.of("subject", ALICE.toString()));
    }

    /** Registers a set through the node; returns the codes as shown. */
    private List<String> register() {
        NodeState state = signedIn();
        Action.SendCallbacks offer = (Action.SendCallbacks) registration.process(new NodeContext("r", state, List.of()));
        String message = (String) offer.callbacks().getFirst().output().getFirst().value();
        List<String> codes = message.lines().filter(l -> l.matches("[A-Z0-9]{5}-[A-Z0-9]{5}")).toList();
        assertEquals(Action.goTo("true"), registration.process(new NodeContext("r", state,
                List.of(new Callback("TextOutputCallback", List.of(), null),
                        new Callback("ConfirmationCallback", List.of(), "0")))));
        return codes;
    }

    private Action use(String code) {
        return decision.process(new NodeContext("r", signedIn(), List.of(new Callback("PasswordCallback", List.of(), code))));
    }

    @Test
    void registrationShowsTenUnambiguousCodesOnceAndStoresOnlyTheirHashesWhenConfirmed() {
        // Given a signed-in identity
        NodeState state = signedIn();
        // When entered Then a TextOutputCallback with ten codes and a ConfirmationCallback
        Action.SendCallbacks offer = (Action.SendCallbacks) registration.process(new NodeContext("r", state, List.of()));
        assertEquals(List.of("TextOutputCallback", "ConfirmationCallback"),
                offer.callbacks().stream().map(Callback::type).toList());
        assertEquals("I have saved these codes", offer.callbacks().get(1).output().getFirst().value());
        String message = (String) offer.callbacks().getFirst().output().getFirst().value();
        List<String> codes = message.lines().filter(l -> l.matches("[A-Z0-9]{5}-[A-Z0-9]{5}")).toList();
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        assertTrue(codes.stream().allMatch(c -> c.replace("-", "").chars()
                .allMatch(ch -> RecoveryCodes.ALPHABET.indexOf(ch) >= 0)));
        assertTrue(codes.stream().noneMatch(c -> c.matches(".*[01OIL].*")));
        // the codes are nowhere in the journey state, and nothing is stored before the confirmation
        assertTrue(codes.stream().noneMatch(c -> state.sharedSnapshot().toString().contains(c.replace("-", ""))));
        assertTrue(store.codes.isEmpty());
        // When confirmed Then ten hashes stored
        assertEquals(Action.goTo("true"), registration.process(new NodeContext("r", state,
                List.of(new Callback("ConfirmationCallback", List.of(), "0")))));
        assertEquals(10, store.unused("r", ALICE).size());
        assertTrue(state.shared(RecoveryCodeRegistration.PENDING).isEmpty());
    }

    @Test
    void registrationWithoutASubjectIsFalse() {
        assertEquals(Action.goTo("false"), registration.process(new NodeContext("r", new NodeState(Map.of()), List.of())));
    }

    @Test
    void registrationAnsweredWithoutTheConfirmationIsMissingInput() {
        NodeState state = signedIn();
        registration.process(new NodeContext("r", state, List.of()));
        assertThrows(MissingInputException.class, () -> registration.process(new NodeContext("r", state,
                List.of(new Callback("ConfirmationCallback", List.of(), "5")))));
        assertTrue(store.codes.isEmpty());
    }

    @Test
    void registeringAgainReplacesTheOldSet() {
        List<String> old = register();
        List<String> fresh = register();
        assertEquals(Action.goTo("false"), use(old.getFirst()));
        assertEquals(Action.goTo("true"), use(fresh.getFirst()));
    }

    @Test
    void decisionAsksForTheCodeWithAPasswordCallback() {
        assertEquals(Action.send(Callback.prompt("PasswordCallback", "Recovery code")),
                decision.process(new NodeContext("r", signedIn(), List.of())));
    }

    @Test
    void aCodeWorksOnceInAnyCaseWithSpacesOrDashes() {
        String code = register().get(3);
        String typed = " " + code.toLowerCase().replace("-", " - ") + " ";
        assertEquals(Action.goTo("true"), use(typed));
        assertEquals(Action.goTo("false"), use(code), "used twice");
        assertEquals(9, store.unused("r", ALICE).size());
    }

    @Test
    void aWrongOrMalformedCodeIsFalse() {
        register();
        assertEquals(Action.goTo("false"), use("AAAAA-AAAAA"));
        assertEquals(Action.goTo("false"), use("not a code at all"));
        assertEquals(Action.goTo("false"), use(""));
        assertEquals(10, store.unused("r", ALICE).size());
    }

    @Test
    void noneLeftWhenEveryCodeIsUsedOrNoneWasRegistered() {
        assertEquals(Action.goTo("none_left"), use("AAAAA-AAAAA"));
        for (String code : register()) {
            assertEquals(Action.goTo("true"), use(code));
        }
        assertEquals(Action.goTo("none_left"), use("AAAAA-AAAAA"));
    }

    @Test
    void aCodeIsBoundToItsIdentity() {
        String code = register().getFirst();
        NodeState bob = new NodeState(Map.of("subject", UUID.randomUUID().toString()));
        assertEquals(Action.goTo("none_left"), decision.process(new NodeContext("r", bob,
                List.of(new Callback("PasswordCallback", List.of(), code)))));
    }

    @Test
    void normalizeRefusesWrongLengthAndLookAlikes() {
        assertEquals("ABCDE23456", RecoveryCodes.normalize("abcde-23456").orElseThrow());
        assertTrue(RecoveryCodes.normalize("ABCDE2345").isEmpty());
        assertTrue(RecoveryCodes.normalize("ABCDE2345O").isEmpty());
        assertTrue(RecoveryCodes.normalize(null).isEmpty());
    }

    @Test
    void eachRecoveryNodeShipsItsMessageBundle() {
        assertFalse(NodeMessages.get(RecoveryCodeRegistration.class, "instructions").isBlank());
        assertEquals("Recovery code", NodeMessages.get(RecoveryCodeDecision.class, "prompt"));
    }

    /** Same contract as the JDBC store, in memory. */
    static final class InMemoryCodes implements RecoveryCodeStore {
        final Map<Long, Row> codes = new HashMap<>();
        private long next;

        record Row(String realm, UUID subject, byte[] hash, boolean used) {
        }

        @Override
        public synchronized void replace(String realm, UUID subject, List<byte[]> hashes) {
            codes.values().removeIf(r -> r.realm().equals(realm) && r.subject().equals(subject));
            hashes.forEach(h -> codes.put(++next, new Row(realm, subject, h, false)));
        }

        @Override
        public synchronized List<StoredRecoveryCode> unused(String realm, UUID subject) {
            List<StoredRecoveryCode> out = new ArrayList<>();
            codes.forEach((id, r) -> {
                if (r.realm().equals(realm) && r.subject().equals(subject) && !r.used()) {
                    out.add(new StoredRecoveryCode(id, r.hash()));
                }
            });
            return out;
        }

        @Override
        public synchronized boolean markUsed(String realm, UUID subject, long id) {
            Row r = codes.get(id);
            if (r == null || r.used() || !r.subject().equals(subject)) {
                return false;
            }
            codes.put(id, new Row(r.realm(), r.subject(), r.hash(), true));
            return true;
        }
    }

}
