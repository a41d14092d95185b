package dev.arbor.authtree.domain.webauthn;

import java.util.UUID;

/** How an authentication ceremony (L3 §7.2) ended. {@code reason} is for logs, never for the client. */
public sealed interface AssertionOutcome {
    /**
     * The assertion verified for {@code subject}. {@code signCountRegressed}: the counter did not increase
     * (§6.1.1, a possible cloned authenticator); the credential has been flagged, the node decides whether to
     * accept it.
     */
    record Verified(UUID subject, String username, String credentialId, boolean userVerified,
            boolean signCountRegressed) implements AssertionOutcome {
    }

    record Rejected(String reason) implements AssertionOutcome {
    }
}
