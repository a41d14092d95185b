package dev.arbor.federation.protocol.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.ApplicationType;
import dev.arbor.federation.domain.ClientLogout;
import dev.arbor.federation.domain.RegistrationPolicy;
import dev.arbor.federation.domain.TokenEndpointAuthMethod;
import dev.arbor.federation.domain.TokenSigningAlgorithms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the JSON of a registration (RFC 7591 §3.1) or update (RFC 7592 §2.2) request into
 * {@link ClientMetadata}, with the same rules as the admin API (exact redirect URIs without fragment,
 * {@code none} exactly for public clients, public keys only in {@code jwks}) plus those of a client
 * nobody reviewed: OIDC DCR §2 {@code application_type} redirect rules, scopes and grant types bounded
 * by the realm's {@link RegistrationPolicy}, an {@code https} back-channel logout URI. Unknown members
 * are ignored (RFC 7591 §2). Problems are RFC 7591 §3.2.2 errors: {@code invalid_redirect_uri} when a
 * redirect URI is at fault, else {@code invalid_client_metadata}, the description listing every problem.
 */
public final class ClientMetadataReader {
    /** Large enough for a JWK Set of a few RSA keys, small enough that an open endpoint cannot be fed megabytes. */
    public static final int MAX_BODY_CHARS = 64 * 1024;
    private static final int MAX_URIS = 20;
    private static final int MAX_URI_CHARS = 2000;
    private static final int MAX_NAME_CHARS = 200;
    /** RFC 6749 §3.3 scope-token. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");

    private final RegistrationPolicy policy;
    private final List<String> redirectProblems = new ArrayList<>();
    private final JsonFields fields = new JsonFields();
    private final List<String> problems = fields.problems();

    private ClientMetadataReader(RegistrationPolicy policy) {
        this.policy = policy;
    }

    /** @throws OAuth2Exception {@code invalid_redirect_uri} or {@code invalid_client_metadata} (400) */
    public static ClientMetadata read(String body, ObjectMapper json, RegistrationPolicy policy) {
        return read(object(body, json), policy);
    }

    /** As {@link #read(String, ObjectMapper, RegistrationPolicy)}, for a body already read by {@link #object}. */
    public static ClientMetadata read(JsonNode root, RegistrationPolicy policy) {
        return new ClientMetadataReader(policy).metadata(root);
    }

    /** The request body as a JSON object; anything else is {@code invalid_client_metadata}. */
    public static JsonNode object(String body, ObjectMapper json) {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            throw metadataError("the request is larger than " + MAX_BODY_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            throw metadataError("the request body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw metadataError("the request body must be a JSON object of client metadata");
        }
        return root;
    }

    private ClientMetadata metadata(JsonNode root) {
        ApplicationType applicationType = Optional.ofNullable(fields.text(root, "application_type"))
                .map(value -> fields.attempt(() -> ApplicationType.of(value))).orElse(ApplicationType.WEB);
        TokenEndpointAuthMethod method = tokenEndpointAuthMethod(root);
        Optional<String> jwks = jwks(root, method);
        List<String> grantTypes = grantTypes(root, method);
        responseTypes(root, grantTypes);
        List<String> redirectUris = redirectUris(root, applicationType == null ? ApplicationType.WEB : applicationType,
                grantTypes);
        List<String> scopes = scopes(root);
        String name = fields.text(root, "client_name");
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_CHARS
                || name.chars().anyMatch(Character::isISOControl))) {
            problems.add("client_name must have 1 to " + MAX_NAME_CHARS + " characters and no control characters");
        }
        ClientLogout logout = logout(root, applicationType == null ? ApplicationType.WEB : applicationType);
        boolean requirePar = fields.flag(root, "require_pushed_authorization_requests");
        String alg = fields.text(root, "id_token_signed_response_alg");
        if (alg != null && !TokenSigningAlgorithms.isSupported(alg)) {
            problems.add("id_token_signed_response_alg must be one of " + String.join(", ", TokenSigningAlgorithms.ALL));
        }
        if (!redirectProblems.isEmpty()) {
            throw OAuth2Exception.of(OAuth2Errors.INVALID_REDIRECT_URI).withDescription(joined(redirectProblems));
        }
        if (!problems.isEmpty()) {
            throw metadataError(joined(problems));
        }
        return new ClientMetadata(applicationType, name, method, jwks, redirectUris, grantTypes, scopes, logout,
                requirePar, alg);
    }

    /** RFC 7591 §2 {@code token_endpoint_auth_method}, default {@code client_secret_basic}. */
    private TokenEndpointAuthMethod tokenEndpointAuthMethod(JsonNode root) {
        String value = fields.text(root, "token_endpoint_auth_method");
        if (value == null) {
            return TokenEndpointAuthMethod.CLIENT_SECRET_BASIC;
        }
        try {
            return TokenEndpointAuthMethod.of(value);
        } catch (IllegalArgumentException e) {
            problems.add("token_endpoint_auth_method must be one of client_secret_basic, client_secret_post, "
                    + "private_key_jwt, none");
            return TokenEndpointAuthMethod.CLIENT_SECRET_BASIC;
        }
    }

    /** RFC 7591 §2 {@code jwks}: only for private_key_jwt, which needs it; {@code jwks_uri} is not fetched. */
    private Optional<String> jwks(JsonNode root, TokenEndpointAuthMethod method) {
        if (present(root, "jwks_uri")) {
            problems.add("jwks_uri is not supported; register the public keys as jwks");
        }
        JsonNode jwks = root.get("jwks");
        boolean hasJwks = jwks != null && !jwks.isNull();
        if (method != TokenEndpointAuthMethod.PRIVATE_KEY_JWT) {
            if (hasJwks) {
                problems.add("jwks is only for token_endpoint_auth_method private_key_jwt");
            }
            return Optional.empty();
        }
        if (!hasJwks || !jwks.isObject()) {
            problems.add("private_key_jwt needs jwks, a JWK Set object");
            return Optional.empty();
        }
        return Optional.ofNullable(fields.attempt(() -> ClientJwks.normalise(jwks.toString())));
    }

    /** RFC 7591 §2 {@code grant_types} (default {@code authorization_code}), within the realm's policy. */
    private List<String> grantTypes(JsonNode root, TokenEndpointAuthMethod method) {
        List<String> grantTypes = present(root, "grant_types") ? distinct(fields.strings(root, "grant_types"))
                : List.of("authorization_code");
        for (String grant : grantTypes) {
            if (!RegistrationPolicy.GRANT_TYPES.contains(grant)) {
                problems.add("grant type " + grant + " is not supported");
            } else if (!policy.grantTypes().contains(grant)) {
                problems.add("grant type " + grant + " may not be registered in this realm");
            }
        }
        if (grantTypes.contains("client_credentials") && method == TokenEndpointAuthMethod.NONE) {
            problems.add("client_credentials needs a client that authenticates; not token_endpoint_auth_method none");
        }
        if (grantTypes.contains("refresh_token") && !grantTypes.contains("authorization_code")) {
            problems.add("refresh_token goes with authorization_code");
        }
        return grantTypes;
    }

    /** RFC 7591 §2.1 — only {@code code} is supported, and it goes with {@code authorization_code}. */
    private void responseTypes(JsonNode root, List<String> grantTypes) {
        if (!present(root, "response_types")) {
            return;
        }
        List<String> responseTypes = distinct(fields.strings(root, "response_types"));
        responseTypes.stream().filter(t -> !t.equals("code"))
                .forEach(t -> problems.add("response type " + t + " is not supported; only code"));
        if (responseTypes.contains("code") != grantTypes.contains("authorization_code")) {
            problems.add("response_types code and grant_types authorization_code go together");
        }
    }

    private List<String> redirectUris(JsonNode root, ApplicationType applicationType, List<String> grantTypes) {
        JsonNode value = root.get("redirect_uris");
        if (value != null && !value.isNull() && !(value.isArray() && allText(value))) {
            redirectProblems.add("redirect_uris must be an array of strings");
            return List.of();
        }
        List<String> uris = distinct(fields.strings(root, "redirect_uris"));
        if (uris.isEmpty() && grantTypes.contains("authorization_code")) {
            redirectProblems.add("redirect_uris is required for authorization_code");
        }
        if (uris.size() > MAX_URIS) {
            redirectProblems.add("at most " + MAX_URIS + " redirect_uris");
            return uris;
        }
        for (String uri : uris) {
            if (uri.length() > MAX_URI_CHARS) {
                redirectProblems.add("a redirect URI is longer than " + MAX_URI_CHARS + " characters");
            } else {
                applicationType.redirectUriProblem(uri).ifPresent(redirectProblems::add);
            }
        }
        return uris;
    }

    /** RFC 7591 §2 {@code scope}: space-separated, within the realm's policy; absent: all the policy allows. */
    private List<String> scopes(JsonNode root) {
        String scope = fields.text(root, "scope");
        if (scope == null) {
            return policy.scopes();
        }
        List<String> scopes = distinct(Scopes.parse(scope));
        for (String s : scopes) {
            if (!SCOPE.matcher(s).matches()) {
                problems.add("malformed scope");
            } else if (!policy.scopes().contains(s)) {
                problems.add("scope " + s + " may not be registered in this realm");
            }
        }
        return scopes;
    }

    /**
     * RP-Initiated Logout 1.0 §3.1, Front-Channel Logout 1.0 §2, Back-Channel Logout 1.0 §2.2. The
     * post-logout redirect URIs follow the redirect rules of the application type; the back-channel URI,
     * which this server POSTs to, must be {@code https}.
     */
    private ClientLogout logout(JsonNode root, ApplicationType applicationType) {
        List<String> postLogout = distinct(fields.strings(root, "post_logout_redirect_uris"));
        if (postLogout.size() > MAX_URIS) {
            problems.add("at most " + MAX_URIS + " post_logout_redirect_uris");
        } else {
            postLogout.forEach(uri -> applicationType.redirectUriProblem(uri)
                    .ifPresent(p -> problems.add("post-logout " + p)));
        }
        String frontchannel = fields.text(root, "frontchannel_logout_uri");
        String backchannel = fields.text(root, "backchannel_logout_uri");
        if (backchannel != null && !backchannel.regionMatches(true, 0, "https://", 0, 8)) {
            problems.add("backchannel_logout_uri must use https");
        }
        boolean frontchannelSession = fields.flag(root, "frontchannel_logout_session_required");
        boolean backchannelSession = fields.flag(root, "backchannel_logout_session_required");
        return Optional.ofNullable(fields.attempt(() -> new ClientLogout(postLogout, Optional.ofNullable(frontchannel),
                frontchannelSession, Optional.ofNullable(backchannel), backchannelSession))).orElse(ClientLogout.NONE);
    }

    private static boolean present(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && !value.isNull();
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** RFC 6749 §5.2: error_description is printable ASCII without '"' and '\\'; echoed input is reduced to that. */
    private static String joined(List<String> found) {
        return String.join("; ", new LinkedHashSet<>(found)).replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "?");
    }

    static OAuth2Exception metadataError(String description) {
        return OAuth2Exception.of(OAuth2Errors.INVALID_CLIENT_METADATA).withDescription(description);
    }
}
