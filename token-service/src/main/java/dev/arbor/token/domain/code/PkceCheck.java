package dev.arbor.token.domain.code;

import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.OAuthError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 7636 — Proof Key for Code Exchange. Only {@code S256} is accepted (§4.2; OAuth 2.0 Security
 * BCP, RFC 9700 §2.1.1). A verifier sent for a code that has no challenge is rejected too, so an
 * attacker cannot strip PKCE from a flow (RFC 9700 §4.8.2).
 */
public final class PkceCheck {

    public static final String S256 = "S256";

    /** RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is always 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private PkceCheck() {
    }

    /** RFC 7636 §4.6: compares the verifier with the challenge bound to the code. */
    public static Optional<OAuthError> verify(String challenge, String method, String verifier) {
        boolean challenged = challenge != null && !challenge.isEmpty();
        boolean verified = verifier != null && !verifier.isEmpty();
        if (!challenged) {
            return verified ? fail("code_verifier sent but no code_challenge was bound to the code") : Optional.empty();
        }
        if (!verified) {
            return fail("code_verifier is required");
        }
        if (!S256.equals(method) || !VERIFIER.matcher(verifier).matches()) {
            return fail("code_verifier does not match the code_challenge");
        }
        byte[] expected = challenge.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = Base64Url.sha256Encoded(verifier).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual)
                ? Optional.empty()
                : fail("code_verifier does not match the code_challenge");
    }

    /**
     * RFC 7636 §4.3/§4.4: what the issuer accepts to bind.
     *
     * @throws IllegalArgumentException for a method other than S256 or a challenge S256 cannot produce
     */
    static void requireWellFormedChallenge(String challenge, String method) {
        if (challenge.isEmpty()) {
            if (!method.isEmpty()) {
                throw new IllegalArgumentException("code_challenge_method without code_challenge");
            }
            return;
        }
        if (!S256.equals(method)) {
            throw new IllegalArgumentException("code_challenge_method must be S256");
        }
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            throw new IllegalArgumentException("code_challenge is not a base64url SHA-256 value");
        }
    }

    private static Optional<OAuthError> fail(String description) {
        return Optional.of(OAuthError.invalidGrant(description));
    }
}
