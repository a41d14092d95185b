package dev.arbor.authtree.port;

/** Remembers which TOTP time steps each user has already spent, on every replica (RFC 6238 §5.2). */
public interface TotpReplayGuard {
    /** Records the use; {@code false} when {@code subject} already used a code of {@code step}. */
    boolean firstUse(String realm, String subject, long step);
}
