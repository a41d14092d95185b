package dev.arbor.token.domain.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.token.domain.OAuthError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7636 §4.6, with the test vector of RFC 7636 Appendix B. */
class PkceCheckTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String OTHER_VERIFIER = "dBjftJeZ4CVP-mJ92K9s6kjmwVy_2GFzJxA0eP9Qw2Q";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void rfc7636AppendixBVerifierMatchesItsChallenge() {
        assertTrue(PkceCheck.verify(CHALLENGE, "S256", VERIFIER).isEmpty());
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        assertInvalidGrant(PkceCheck.verify(CHALLENGE, "S256", OTHER_VERIFIER));
    }

    @Test
    void missingVerifierWhenChallengeBoundIsInvalidGrant() {
        assertInvalidGrant(PkceCheck.verify(CHALLENGE, "S256", ""));
    }

    @Test
    void verifierWithoutBoundChallengeIsInvalidGrant() {
        assertInvalidGrant(PkceCheck.verify("", "", VERIFIER));
    }

    @Test
    void noChallengeAndNoVerifierPasses() {
        assertTrue(PkceCheck.verify("", "", "").isEmpty());
    }

    @Test
    void verifierTooShortOrWithIllegalCharactersIsInvalidGrant() {
        assertInvalidGrant(PkceCheck.verify(CHALLENGE, "S256", "short"));
        assertInvalidGrant(PkceCheck.verify(CHALLENGE, "plain", VERIFIER));
        assertInvalidGrant(PkceCheck.verify(CHALLENGE, "S256", VERIFIER + "+"));
    }

    @Test
    void plainMethodIsNotAcceptedForBinding() {
        assertThrows(IllegalArgumentException.class, () -> PkceCheck.requireWellFormedChallenge(CHALLENGE, "plain"));
        assertThrows(IllegalArgumentException.class, () -> PkceCheck.requireWellFormedChallenge("too-short", "S256"));
        assertThrows(IllegalArgumentException.class, () -> PkceCheck.requireWellFormedChallenge("", "S256"));
    }

    private static void assertInvalidGrant(Optional<OAuthError> result) {
        assertEquals("invalid_grant", result.orElseThrow().code());
    }
}
