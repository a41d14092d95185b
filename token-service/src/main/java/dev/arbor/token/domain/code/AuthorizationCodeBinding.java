package dev.arbor.token.domain.code;

import dev.arbor.token.domain.Strings;
import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.refresh.RefreshPolicy;
import dev.arbor.token.domain.token.EndUser;
import dev.arbor.token.domain.token.TokenRequest;
import java.util.List;
import java.util.Objects;

/**
 * What an authorization code is bound to (RFC 6749 §4.1.2, §4.1.3; RFC 7636 §4.4): the realm and
 * issuer, the client and redirect URI it was issued for, the granted scopes, the PKCE challenge, the
 * OIDC nonce and the end user's authentication.
 *
 * @param codeChallenge               empty when the client sent none
 * @param codeChallengeMethod         {@code S256} when a challenge is bound, else empty
 * @param accessTokenLifetimeSeconds  0 or less means the configured default
 * @param signingAlg                  the JWS alg of the tokens the code turns into
 * @param refreshPolicy               whether (and for how long) a refresh token comes with them
 */
public record AuthorizationCodeBinding(String realm, String issuer, String clientId, String redirectUri,
        List<String> scopes, String codeChallenge, String codeChallengeMethod, String nonce, EndUser endUser,
        long accessTokenLifetimeSeconds, SigningAlgorithm signingAlg, RefreshPolicy refreshPolicy) {

    /** A binding without refresh tokens. */
    public AuthorizationCodeBinding(String realm, String issuer, String clientId, String redirectUri,
            List<String> scopes, String codeChallenge, String codeChallengeMethod, String nonce, EndUser endUser,
            long accessTokenLifetimeSeconds, SigningAlgorithm signingAlg) {
        this(realm, issuer, clientId, redirectUri, scopes, codeChallenge, codeChallengeMethod, nonce, endUser,
                accessTokenLifetimeSeconds, signingAlg, RefreshPolicy.NONE);
    }

    /** A binding whose tokens are signed with the default algorithm. */
    public AuthorizationCodeBinding(String realm, String issuer, String clientId, String redirectUri,
            List<String> scopes, String codeChallenge, String codeChallengeMethod, String nonce, EndUser endUser,
            long accessTokenLifetimeSeconds) {
        this(realm, issuer, clientId, redirectUri, scopes, codeChallenge, codeChallengeMethod, nonce, endUser,
                accessTokenLifetimeSeconds, SigningAlgorithm.DEFAULT);
    }

    public AuthorizationCodeBinding {
        requireText(realm, "realm");
        requireText(issuer, "issuer");
        requireText(clientId, "client_id");
        requireText(redirectUri, "redirect_uri");
        Objects.requireNonNull(endUser, "authentication is required");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        codeChallenge = Strings.orEmpty(codeChallenge);
        codeChallengeMethod = Strings.orEmpty(codeChallengeMethod);
        nonce = Strings.orEmpty(nonce);
        signingAlg = signingAlg == null ? SigningAlgorithm.DEFAULT : signingAlg;
        refreshPolicy = refreshPolicy == null ? RefreshPolicy.NONE : refreshPolicy;
        PkceCheck.requireWellFormedChallenge(codeChallenge, codeChallengeMethod);
    }

    public boolean hasCodeChallenge() {
        return !codeChallenge.isEmpty();
    }

    /** The token request this code turns into once every check has passed. */
    public TokenRequest toTokenRequest() {
        return new TokenRequest(realm, issuer, clientId, scopes, nonce, endUser, accessTokenLifetimeSeconds);
    }

    private static void requireText(String value, String name) {
        if (Strings.isBlank(value)) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    @Override
    public String toString() {
        return "AuthorizationCodeBinding[realm=" + realm + ", clientId=" + clientId + ", scopes=" + scopes + "]";
    }
}
