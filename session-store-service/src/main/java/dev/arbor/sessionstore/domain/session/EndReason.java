package dev.arbor.sessionstore.domain.session;

import dev.arbor.sessionstore.domain.InvalidRequestException;
import java.util.Locale;

/** Why a session ended; the value goes into {@code session.ended}'s {@code reason}. */
public enum EndReason {
    /** The user logged out (the default). */
    LOGOUT,
    /** An administrator ended it. */
    ADMIN,
    /** A new session of step-up or re-authentication took its place. */
    REPLACED;

    /** Blank means {@link #LOGOUT}; anything unknown is a bad request. */
    public static EndReason parse(String value) {
        if (value == null || value.isBlank()) {
            return LOGOUT;
        }
        for (EndReason reason : values()) {
            if (reason.wireName().equals(value)) {
                return reason;
            }
        }
        throw new InvalidRequestException("reason must be logout, admin or replaced");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Every end but a replacement makes the subject's remembered results forgotten everywhere: a logout
     * (or an administrator) must also clear what sits sealed in cookies on other devices.
     */
    public boolean forgetsRememberedResults() {
        return this != REPLACED;
    }
}
