package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.webauthn.AssertionOutcome;
import dev.arbor.authtree.domain.webauthn.CeremonyStart;
import dev.arbor.authtree.domain.webauthn.RegistrationOutcome;
import dev.arbor.authtree.domain.webauthn.WebAuthnRequirement;
import java.time.Duration;
import java.util.Optional;

/**
 * The WebAuthn relying party of a realm (W3C WebAuthn L3 §7): starts and verifies registration and
 * authentication ceremonies against the realm's RP ID and origin allow-list. The implementation wraps a
 * conformant library; nodes see only JSON strings and outcomes.
 */
public interface WebAuthnRelyingParty {
    /** §5.4 creation options for {@code identity}, excluding its existing credentials. */
    CeremonyStart startRegistration(Identity identity, WebAuthnRequirement userVerification,
            WebAuthnRequirement residentKey, Duration timeout);

    /** §7.1: verifies {@code credentialJson} against {@code requestJson} and stores the credential. */
    RegistrationOutcome finishRegistration(Identity identity, String requestJson, String credentialJson);

    /**
     * §5.5 request options: with {@code identity}, its credentials in {@code allowCredentials}; without, empty
     * {@code allowCredentials} (discoverable credentials, the account comes from the {@code userHandle}).
     */
    CeremonyStart startAuthentication(String realm, Optional<Identity> identity,
            WebAuthnRequirement userVerification, Duration timeout);

    /** §7.2: verifies {@code credentialJson} against {@code requestJson}; a verified use is recorded. */
    AssertionOutcome finishAuthentication(String realm, String requestJson, String credentialJson);

    /** Whether the account has at least one credential. */
    boolean hasCredentials(Identity identity);
}
