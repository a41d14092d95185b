package dev.arbor.authtree.domain.webauthn;

/** How a registration ceremony (L3 §7.1) ended. {@code reason} is for logs, never for the client. */
public sealed interface RegistrationOutcome {
    record Registered(String credentialId, boolean userVerified) implements RegistrationOutcome {
    }

    record Rejected(String reason) implements RegistrationOutcome {
    }
}
