package dev.arbor.token.adapter.out.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arbor.token.domain.code.AuthorizationCodeBinding;
import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.refresh.RefreshPolicy;
import dev.arbor.token.domain.token.EndUser;
import java.util.List;
import java.util.Map;

/** The JSON form of an {@link AuthorizationCodeBinding} in Redis; field names are the OAuth parameter names. */
record AuthorizationCodeJson(
        @JsonProperty("realm") String realm,
        @JsonProperty("issuer") String issuer,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("redirect_uri") String redirectUri,
        @JsonProperty("scopes") List<String> scopes,
        @JsonProperty("code_challenge") String codeChallenge,
        @JsonProperty("code_challenge_method") String codeChallengeMethod,
        @JsonProperty("nonce") String nonce,
        @JsonProperty("authentication") Authentication authentication,
        @JsonProperty("access_token_lifetime_seconds") long accessTokenLifetimeSeconds,
        @JsonProperty("signing_alg") String signingAlg,
        @JsonProperty("refresh") Refresh refresh) {

    /** The client's refresh policy; absent in codes stored before refresh tokens existed. */
    record Refresh(
            @JsonProperty("issue") boolean issue,
            @JsonProperty("idle_lifetime_seconds") long idleLifetimeSeconds,
            @JsonProperty("absolute_lifetime_seconds") long absoluteLifetimeSeconds) {
    }

    record Authentication(
            @JsonProperty("subject") String subject,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("auth_time") long authTime,
            @JsonProperty("acr") String acr,
            @JsonProperty("amr") List<String> amr,
            @JsonProperty("claims") Map<String, String> claims,
            // absent in codes stored before claims.userinfo was carried
            @JsonProperty("userinfo_claims") List<String> userinfoClaims) {
    }

    static AuthorizationCodeJson from(AuthorizationCodeBinding b) {
        EndUser u = b.endUser();
        return new AuthorizationCodeJson(b.realm(), b.issuer(), b.clientId(), b.redirectUri(), b.scopes(),
                b.codeChallenge(), b.codeChallengeMethod(), b.nonce(),
                new Authentication(u.subject(), u.sessionId(), u.authTime(), u.acr(), u.amr(), u.claims(),
                        u.userinfoClaims()),
                b.accessTokenLifetimeSeconds(), b.signingAlg().jwsName(),
                new Refresh(b.refreshPolicy().issue(), b.refreshPolicy().idleLifetimeSeconds(),
                        b.refreshPolicy().absoluteLifetimeSeconds()));
    }

    AuthorizationCodeBinding toBinding() {
        Authentication a = authentication;
        return new AuthorizationCodeBinding(realm, issuer, clientId, redirectUri, scopes, codeChallenge,
                codeChallengeMethod, nonce,
                new EndUser(a.subject(), a.sessionId(), a.authTime(), a.acr(), a.amr(), a.claims(),
                        a.userinfoClaims()),
                accessTokenLifetimeSeconds, SigningAlgorithm.ofRequest(signingAlg),
                refresh == null ? RefreshPolicy.NONE
                        : new RefreshPolicy(refresh.issue(), refresh.idleLifetimeSeconds(), refresh.absoluteLifetimeSeconds()));
    }
}
