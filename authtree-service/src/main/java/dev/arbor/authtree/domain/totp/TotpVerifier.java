package dev.arbor.authtree.domain.totp;

import dev.arbor.authtree.port.TotpReplayGuard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Checks a TOTP code (RFC 6238) against the current time step and one step either side (§5.2, "at most one
 * time step" of network delay and clock drift), comparing in constant time. A code that matches is accepted
 * once per user and time step (§5.2: "the verifier MUST NOT accept the second attempt of the same OTP"):
 * the replay guard records the matched step first.
 */
public final class TotpVerifier {
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

    private final Clock clock;
    private final TotpReplayGuard replays;

    public TotpVerifier(Clock clock, TotpReplayGuard replays) {
        this.clock = clock;
        this.replays = replays;
    }

    /** Whether {@code code} is valid now for {@code secret} and was not used before by {@code subject}. */
    public boolean verify(String realm, String subject, byte[] secret, String code) {
        OptionalLong step = matchingStep(secret, code, Totp.step(clock.instant()));
        return step.isPresent() && replays.firstUse(realm, subject, step.getAsLong());
    }

    /** The step within ±{@link #WINDOW} of {@code current} whose code is {@code code}; every candidate is compared. */
    public static OptionalLong matchingStep(byte[] secret, String code, long current) {
        if (code == null || !SIX_DIGITS.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        OptionalLong match = OptionalLong.empty();
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            byte[] expected = Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }
}
