package dev.arbor.federation.protocol.oauth2;

import dev.arbor.contracts.token.v1.Authentication;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.TokenPolicy;
import dev.arbor.federation.domain.IdentityAssertingAdapter;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.LoginFlowState;
import dev.arbor.federation.domain.ProtocolAdapter;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.IdentityGateway;
import dev.arbor.federation.port.LogoutParticipants;
import dev.arbor.federation.port.TokenGateway;
import dev.arbor.federation.protocol.oidc.ClaimsRequest;
import dev.arbor.federation.protocol.oidc.EssentialAcr;
import dev.arbor.federation.protocol.oidc.StandardClaims;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ends a login flow whose user is authenticated: releases the claims the granted scopes allow
 * (OIDC Core §5.4) and those the {@code claims} parameter asks for one by one (§5.5: ID token claims in the
 * code's authentication, UserInfo claim names alongside for the access token), has token-service issue a
 * one-time authorization code bound to client, redirect URI, scopes, PKCE challenge and nonce
 * (RFC 6749 §4.1.2, RFC 7636 §4.4), and lets the flow's adapter render the response. An
 * {@link IdentityAssertingAdapter} (SAML) gets the claims and builds its assertion itself; no code is issued.
 */
@ApplicationScoped
public class LoginCompletion {
    /** OIDC Core §5.5.1.1 with Unmet Authentication Requirements 1.0 — the session's acr is not an essential one. */
    static final ProtocolError UNMET_ACR = new ProtocolError(OAuth2Errors.UNMET_AUTHENTICATION_REQUIREMENTS,
            "the authentication does not meet the essential acr");

    private final IdentityGateway identities;
    private final TokenGateway tokens;
    private final RealmUrls urls;
    private final ClientRepository clients;
    private final LogoutParticipants participants;

    public LoginCompletion(IdentityGateway identities, TokenGateway tokens, RealmUrls urls, ClientRepository clients,
                           LogoutParticipants participants) {
        this.identities = identities;
        this.tokens = tokens;
        this.urls = urls;
        this.clients = clients;
        this.participants = participants;
    }

    /**
     * @param flow a flow whose user just authenticated, or one the user consented to ({@code CONSENT_GIVEN})
     */
    public Uni<ProtocolResponse> complete(LoginFlow flow, SsoSession session, ProtocolAdapter adapter) {
        String issuer = urls.issuer(flow.realm());
        if (!EssentialAcr.isMetBy(flow.request(), session.acr())) {
            return Uni.createFrom().completionStage(() -> adapter.failedAsync(flow.realm(), flow.request(), issuer,
                    UNMET_ACR));
        }
        LoginFlow authenticated = flow.state() == LoginFlowState.CONSENT_GIVEN
                ? flow : flow.moveTo(LoginFlowState.AUTHENTICATED);
        return identities.claims(flow.realm(), session.subject()).chain(claims -> {
            if (claims.isEmpty()) {
                return Uni.createFrom().completionStage(() -> adapter.failedAsync(flow.realm(), flow.request(), issuer,
                        new ProtocolError(OAuth2Errors.ACCESS_DENIED, "the authenticated identity is not available")));
            }
            if (adapter instanceof IdentityAssertingAdapter asserting) {
                // e.g. SAML: the adapter builds and signs the assertion itself; the SP (its entityID) joins the session
                return participants.add(flow.realm(), session.sid(), flow.clientId(),
                                Instant.ofEpochSecond(session.expiresAt()))
                        .chain(v -> Uni.createFrom().completionStage(() -> asserting.assertIdentity(
                                authenticated.moveTo(LoginFlowState.COMPLETED), session, claims.get(), issuer)));
            }
            return issueCode(authenticated, session, claims.get(), issuer)
                    // the client now takes part in the session: it is logged out with it (docs/guides/logout.md)
                    .call(code -> participants.add(flow.realm(), session.sid(), flow.clientId(),
                            Instant.ofEpochSecond(session.expiresAt())))
                    .map(code -> adapter.authenticated(authenticated.moveTo(LoginFlowState.COMPLETED), issuer, code));
        });
    }

    private Uni<String> issueCode(LoginFlow flow, SsoSession session, Map<String, String> claims, String issuer) {
        List<String> scopes = Scopes.parse(flow.request().parameter("scope"));
        ClaimsRequest asked = claimsRequest(flow);
        IssueAuthorizationCodeRequest request = IssueAuthorizationCodeRequest.newBuilder()
                .setRealm(flow.realm())
                .setIssuer(issuer)
                .setClientId(flow.clientId())
                .setRedirectUri(flow.request().responseTo())
                .addAllScopes(scopes)
                .setCodeChallenge(orEmpty(flow.request().parameter("code_challenge")))
                .setCodeChallengeMethod(orEmpty(flow.request().parameter("code_challenge_method")))
                .setNonce(orEmpty(flow.request().parameter("nonce")))
                .setAuthentication(Authentication.newBuilder()
                        .setSubject(session.subject())
                        .setSessionId(session.sid()) // the public sid, never the cookie value
                        .setAuthTime(session.authTime())
                        .setAcr(orEmpty(session.acr()))
                        .addAllAmr(session.amr())
                        .putAllClaims(StandardClaims.release(claims, scopes,
                                ClaimsRequest.answered(asked.idToken(), claims)))
                        // names only: the UserInfo endpoint reads the values when it is asked
                        .addAllUserinfoClaims(userinfoClaims(asked, claims)))
                .build();
        // The code carries the client's TokenPolicy, so the redemption issues what the client is registered for.
        return clients.findClient(flow.realm(), flow.clientId())
                .map(client -> client.map(TokenPolicies::of).orElse(TokenPolicy.getDefaultInstance()))
                .chain(policy -> tokens.issueAuthorizationCode(request.toBuilder().setPolicy(policy).build()))
                .map(r -> r.getCode());
    }

    /**
     * OIDC Core §5.5 — the standard claims {@code claims.userinfo} asks for that the identity has (with the
     * requested value, if one was given): the UserInfo endpoint releases them whatever the scopes.
     */
    private static List<String> userinfoClaims(ClaimsRequest asked, Map<String, String> identity) {
        return ClaimsRequest.answered(asked.userinfo(), identity).stream()
                .filter(StandardClaims.REQUESTABLE::contains)
                .filter(identity::containsKey)
                .toList();
    }

    /** OIDC Core §5.5 — the request's {@code claims} parameter. */
    private static ClaimsRequest claimsRequest(LoginFlow flow) {
        try {
            return ClaimsRequest.parse(flow.request().parameter("claims"));
        } catch (IllegalArgumentException e) {
            return ClaimsRequest.NONE; // refused at the authorization endpoint; a flow never holds a malformed one
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
