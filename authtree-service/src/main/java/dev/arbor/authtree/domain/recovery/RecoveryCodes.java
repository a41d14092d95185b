package dev.arbor.authtree.domain.recovery;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes: {@link #COUNT} codes of {@link #LENGTH} characters drawn uniformly from an alphabet without
 * look-alikes (no 0/O, 1/I/L), about 49.5 bits each. Shown grouped ({@code K7QX2-M9RTA}); typed back in any
 * case, with or without spaces and dashes.
 */
public final class RecoveryCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int COUNT = 10;
    public static final int LENGTH = 10;

    private RecoveryCodes() {
    }

    /** A fresh set, normalised (no dash). */
    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH);
            for (int j = 0; j < LENGTH; j++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return List.copyOf(codes);
    }

    /** How a code is shown: two groups of five. */
    public static String display(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /** What the user typed as a code, or empty when it cannot be one (wrong length or character). */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }
}
