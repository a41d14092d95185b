package dev.arbor.federation.protocol.oidc;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.ProtocolAdapter;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolRequest;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.protocol.oauth2.AuthorizationCodeGrantHandler;
import dev.arbor.federation.protocol.oauth2.AuthorizationResponses;
import dev.arbor.federation.protocol.oauth2.OAuth2Errors;
import dev.arbor.federation.protocol.oauth2.PkceCheck;
import dev.arbor.federation.protocol.oauth2.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * OpenID Connect 1.0 authorization code flow (OIDC Core §3.1). A request is OIDC's when its scope
 * contains {@code openid} (§3.1.2.1); the checks follow §3.1.2.2, each one small, in the order
 * the errors should be reported. Responses go back in the requested response mode, with {@code iss}
 * (RFC 9207).
 */
@ApplicationScoped
public class OidcProtocolAdapter implements ProtocolAdapter {
    public static final String PROTOCOL = "oidc";

    /** The parameters kept with the flow (§3.1.2.1); everything else is dropped. */
    private static final List<String> KEPT = List.of("response_type", "scope", "state", "nonce", "code_challenge",
            "code_challenge_method", "prompt", "max_age", "acr_values", "response_mode", "request", "request_uri",
            "login_hint", "ui_locales", "claims", "display", "claims_locales");
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

    private static final List<BiFunction<ProtocolRequest, Client, Optional<ProtocolError>>> CHECKS = List.of(
            OidcProtocolAdapter::checkRequestObject,
            OidcProtocolAdapter::checkResponseType,
            OidcProtocolAdapter::checkGrantAllowed,
            OidcProtocolAdapter::checkScope,
            (r, c) -> PkceCheck.check(r.parameter("code_challenge"), r.parameter("code_challenge_method"), c),
            OidcProtocolAdapter::checkPrompt,
            OidcProtocolAdapter::checkMaxAge,
            OidcProtocolAdapter::checkClaims);

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public Optional<ProtocolRequest> parse(Map<String, String> parameters) {
        String clientId = parameters.get("client_id");
        String redirectUri = parameters.get("redirect_uri");
        if (clientId == null || redirectUri == null || !Scopes.parse(parameters.get("scope")).contains("openid")) {
            return Optional.empty();
        }
        Map<String, String> kept = new HashMap<>();
        for (String name : KEPT) {
            String value = parameters.get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        List<String> prompt = Scopes.parse(parameters.get("prompt"));
        List<String> acr = Scopes.parse(parameters.get("acr_values"));
        if (acr.isEmpty()) {
            acr = requestedAcr(parameters.get("claims")); // OIDC Core §5.5.1.1: acr asked for as a claim
        }
        Long maxAge = maxAge(parameters.get("max_age"));
        // §3.1.2.1: select_account has no chooser yet, so it re-authenticates like login; max_age=0 is login
        boolean force = prompt.contains("login") || prompt.contains("select_account") || Long.valueOf(0).equals(maxAge);
        return Optional.of(new ProtocolRequest(clientId, redirectUri, acr.isEmpty() ? "" : acr.getFirst(),
                force, prompt.contains("none"), maxAge, kept));
    }

    @Override
    public Optional<ProtocolError> validate(ProtocolRequest request, Client client) {
        return CHECKS.stream().map(check -> check.apply(request, client))
                .flatMap(Optional::stream).findFirst();
    }

    @Override
    public ProtocolResponse authenticated(LoginFlow flow, String issuer, String code) {
        return AuthorizationResponses.code(AuthorizationResponses.modeOf(flow.request().parameter("response_mode")),
                flow.request().responseTo(), code, flow.request().parameter("state"), issuer);
    }

    @Override
    public ProtocolResponse failed(ProtocolRequest request, String issuer, ProtocolError error) {
        return AuthorizationResponses.error(AuthorizationResponses.modeOf(request.parameter("response_mode")),
                request.responseTo(), error, request.parameter("state"), issuer);
    }

    /**
     * OIDC Core §6, RFC 9101 — the authorization endpoint resolves {@code request} and PAR
     * {@code request_uri}s before the adapter sees the request; one still here was not resolved.
     */
    static Optional<ProtocolError> checkRequestObject(ProtocolRequest r, Client c) {
        if (r.parameter("request") != null) {
            return error(OAuth2Errors.INVALID_REQUEST_OBJECT, "a request object may not carry another one");
        }
        if (r.parameter("request_uri") != null) {
            return error(OAuth2Errors.REQUEST_URI_NOT_SUPPORTED, "request_uri is supported only for pushed requests");
        }
        return Optional.empty();
    }

    /** RFC 6749 §3.1.1 — only {@code code} (OIDC Core §3.1.2.1: the authorization code flow). */
    static Optional<ProtocolError> checkResponseType(ProtocolRequest r, Client c) {
        String type = r.parameter("response_type");
        if (type == null || type.isEmpty()) {
            return error(OAuth2Errors.INVALID_REQUEST, "response_type is required");
        }
        return "code".equals(type) ? Optional.empty()
                : error(OAuth2Errors.UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
    }

    /** OIDC Core §5.5 — the claims parameter is a well-formed JSON claims request. */
    static Optional<ProtocolError> checkClaims(ProtocolRequest r, Client c) {
        try {
            ClaimsRequest.parse(r.parameter("claims"));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return error(OAuth2Errors.INVALID_REQUEST, e.getMessage());
        }
    }

    /** RFC 6749 §4.1.2.1 — {@code unauthorized_client}: the client may not use this grant. */
    static Optional<ProtocolError> checkGrantAllowed(ProtocolRequest r, Client c) {
        return c.allowsGrant(AuthorizationCodeGrantHandler.GRANT_TYPE) ? Optional.empty()
                : error(OAuth2Errors.UNAUTHORIZED_CLIENT, "the client may not use the authorization code flow");
    }

    /** RFC 6749 §3.3 — every requested scope must be registered for the client. */
    static Optional<ProtocolError> checkScope(ProtocolRequest r, Client c) {
        return c.allowsScopes(Scopes.parse(r.parameter("scope"))) ? Optional.empty()
                : error(OAuth2Errors.INVALID_SCOPE, "scope not allowed for this client");
    }

    /** OIDC Core §3.1.2.1 — known prompt values; {@code none} must stand alone. */
    static Optional<ProtocolError> checkPrompt(ProtocolRequest r, Client c) {
        List<String> prompt = Scopes.parse(r.parameter("prompt"));
        String raw = r.parameter("prompt");
        if ((raw != null && prompt.isEmpty()) || !PROMPTS.containsAll(prompt)
                || (prompt.contains("none") && prompt.size() > 1)) {
            return error(OAuth2Errors.INVALID_REQUEST, "prompt is invalid");
        }
        return Optional.empty();
    }

    /** OIDC Core §3.1.2.1 — max_age is a non-negative number of seconds. */
    static Optional<ProtocolError> checkMaxAge(ProtocolRequest r, Client c) {
        String raw = r.parameter("max_age");
        return raw == null || maxAge(raw) != null ? Optional.empty()
                : error(OAuth2Errors.INVALID_REQUEST, "max_age must be a non-negative integer");
    }

    /** The acr values a claims request asks for in the ID token; a malformed one is refused by {@link #checkClaims}. */
    private static List<String> requestedAcr(String claims) {
        try {
            ClaimsRequest.Requested acr = ClaimsRequest.parse(claims).idToken().get("acr");
            return acr == null ? List.of() : acr.values();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static Long maxAge(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 10 || !raw.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(raw);
    }

    private static Optional<ProtocolError> error(String code, String description) {
        return Optional.of(new ProtocolError(code, description));
    }
}
