package dev.arbor.federation.protocol.oidc;

import java.util.List;
import java.util.Optional;

/** What the end-session endpoint answers; the REST layer renders it (pages, cookies, redirect). */
public sealed interface LogoutOutcome {

    /** Bad input: an error page, never a redirect (the target cannot be trusted). */
    record Invalid(String message) implements LogoutOutcome {
    }

    /** RP-Initiated Logout 1.0 §2: the OP asks the end user whether to log out (no hint, or another user's). */
    record Confirm(LogoutRequest request) implements LogoutOutcome {
    }

    /**
     * The session ended (or there was none): Front-Channel Logout 1.0 §3 iframes (each URI with {@code iss}
     * and {@code sid}), then {@code continueTo} or a "you are signed out" page.
     */
    record LoggedOut(List<String> frontchannelUris, Optional<String> continueTo, Optional<String> uiLocales)
            implements LogoutOutcome {
        public LoggedOut {
            frontchannelUris = List.copyOf(frontchannelUris);
        }
    }
}
