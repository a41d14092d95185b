package dev.arbor.authtree.domain.totp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.port.TotpReplayGuard;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ±1 step window at its edges, replay refusal and malformed codes, with a fixed clock. */
class TotpVerifierTest {
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** The first second of step 1_000_000. */
    private static final long STEP = 1_000_000;
    private static final Instant STEP_START = Instant.ofEpochSecond(STEP * 30);

    private final Set<String> used = new HashSet<>();
    private final TotpReplayGuard guard = (realm, subject, step) -> used.add(realm + "/" + subject + "/" + step);

    private TotpVerifier at(Instant now) {
        return new TotpVerifier(Clock.fixed(now, ZoneOffset.UTC), guard);
    }

    @Test
    void codeOfCurrentStepIsAccepted() {
        assertTrue(at(STEP_START.plusSeconds(15)).verify("r", "u", SECRET, Totp.code(SECRET, STEP)));
    }

    @Test
    void codeOfPreviousStepIsAcceptedUntilTheLastSecondOfTheCurrentStep() {
        assertTrue(at(STEP_START.plusSeconds(29)).verify("r", "u", SECRET, Totp.code(SECRET, STEP - 1)));
    }

    @Test
    void codeOfNextStepIsAcceptedFromTheFirstSecondOfTheCurrentStep() {
        assertTrue(at(STEP_START).verify("r", "u", SECRET, Totp.code(SECRET, STEP + 1)));
    }

    @Test
    void codeTwoStepsOldIsRefusedEvenInTheFirstSecondOfTheStep() {
        assertFalse(at(STEP_START).verify("r", "u", SECRET, Totp.code(SECRET, STEP - 2)));
    }

    @Test
    void codeTwoStepsAheadIsRefusedEvenInTheLastSecondOfTheStep() {
        assertFalse(at(STEP_START.plusSeconds(29)).verify("r", "u", SECRET, Totp.code(SECRET, STEP + 2)));
    }

    @Test
    void codeOfPreviousStepIsRefusedOnceTheWindowMovesPastIt() {
        String previous = Totp.code(SECRET, STEP - 1);
        assertFalse(at(STEP_START.plusSeconds(30)).verify("r", "u", SECRET, previous));
    }

    @Test
    void sameCodeTwiceIsRefusedTheSecondTimeEvenOneStepLater() {
        String code = Totp.code(SECRET, STEP);
        assertTrue(at(STEP_START.plusSeconds(5)).verify("r", "u", SECRET, code));

        assertFalse(at(STEP_START.plusSeconds(6)).verify("r", "u", SECRET, code));
        assertFalse(at(STEP_START.plusSeconds(35)).verify("r", "u", SECRET, code));
    }

    @Test
    void sameStepIsStillUsableByAnotherUser() {
        String code = Totp.code(SECRET, STEP);
        assertTrue(at(STEP_START).verify("r", "u", SECRET, code));
        assertTrue(at(STEP_START).verify("r", "other", SECRET, code));
    }

    @Test
    void wrongCodeIsRefusedAndDoesNotSpendTheStep() {
        String right = Totp.code(SECRET, STEP);
        String wrong = right.equals("000000") ? "000001" : "000000";
        assertFalse(at(STEP_START).verify("r", "u", SECRET, wrong));
        assertTrue(at(STEP_START).verify("r", "u", SECRET, right));
    }

    @Test
    void malformedCodesAreRefused() {
        TotpVerifier verifier = at(STEP_START);
        String right = Totp.code(SECRET, STEP);
        assertFalse(verifier.verify("r", "u", SECRET, null));
        assertFalse(verifier.verify("r", "u", SECRET, ""));
        assertFalse(verifier.verify("r", "u", SECRET, right + "0"));
        assertFalse(verifier.verify("r", "u", SECRET, " " + right.substring(1)));
        assertFalse(verifier.verify("r", "u", SECRET, "١٢٣٤٥٦"));
    }
}
