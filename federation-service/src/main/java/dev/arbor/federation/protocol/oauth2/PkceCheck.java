package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ProtocolError;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 7636 §4.3 — the code challenge. Public clients must send one (OAuth 2.0 Security BCP,
 * RFC 9700 §2.1.1); only {@code S256} is accepted — {@code plain} (also the default when the
 * method is absent, §4.3) offers no protection when the request leaks.
 */
public final class PkceCheck {
    /** §4.2: BASE64URL(SHA256(verifier)) is 43 characters; the ABNF allows 43–128 unreserved characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private PkceCheck() {
    }

    public static Optional<ProtocolError> check(String challenge, String method, Client client) {
        boolean hasChallenge = challenge != null && !challenge.isEmpty();
        if (!hasChallenge) {
            if (method != null && !method.isEmpty()) {
                return error("code_challenge_method without code_challenge");
            }
            return client.isPublic() ? error("code_challenge is required for public clients") : Optional.empty();
        }
        if (!"S256".equals(method)) {
            return error("code_challenge_method must be S256");
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            return error("code_challenge is malformed");
        }
        return Optional.empty();
    }

    private static Optional<ProtocolError> error(String description) {
        return Optional.of(new ProtocolError(OAuth2Errors.INVALID_REQUEST, description));
    }
}
