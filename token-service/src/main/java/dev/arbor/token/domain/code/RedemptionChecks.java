package dev.arbor.token.domain.code;

import dev.arbor.token.domain.OAuthError;
import java.util.Optional;

/**
 * RFC 6749 §4.1.3: the checks a token request must pass against the code's binding, in order. Each
 * failure is {@code invalid_grant} (RFC 6749 §5.2). The realm check keeps a code issued in one realm
 * from being redeemed through another realm's token endpoint.
 */
final class RedemptionChecks {

    private RedemptionChecks() {
    }

    static Optional<OAuthError> check(AuthorizationCodeBinding binding, RedemptionRequest request) {
        if (!binding.realm().equals(request.realm())) {
            return fail("authorization code was not issued in this realm");
        }
        // "ensure that the authorization code was issued to the authenticated confidential client"
        if (!binding.clientId().equals(request.clientId())) {
            return fail("authorization code was not issued to this client");
        }
        // "ensure that the redirect_uri parameter is present ... and their values are identical"
        if (!binding.redirectUri().equals(request.redirectUri())) {
            return fail("redirect_uri does not match the authorization request");
        }
        return PkceCheck.verify(binding.codeChallenge(), binding.codeChallengeMethod(), request.codeVerifier());
    }

    private static Optional<OAuthError> fail(String description) {
        return Optional.of(OAuthError.invalidGrant(description));
    }
}
