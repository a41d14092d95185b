package dev.arbor.federation.adapter.in.realms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.federation.domain.AuthorizationPolicy;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientAuthentication;
import dev.arbor.federation.domain.ClientLogout;
import dev.arbor.federation.domain.TokenEndpointAuthMethod;
import dev.arbor.federation.protocol.oauth2.ClientJwks;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ClientType;
import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.federation.domain.RealmDefinition;
import dev.arbor.federation.domain.RegistrationMode;
import dev.arbor.federation.domain.RegistrationPolicy;
import dev.arbor.federation.domain.RedirectUriRules;
import dev.arbor.federation.domain.TokenSigningAlgorithms;
import dev.arbor.federation.domain.RefreshTokenLifetimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the federation part of one realm YAML document ({@code realm}, {@code displayName},
 * {@code tokenSigningAlg}, {@code clients}, {@code registration}); other sections belong to other
 * services and are ignored. {@code ${VAR}} values come from the environment. Anything invalid is an
 * {@link IllegalArgumentException} naming the file and the client — never a secret's value.
 */
public final class RealmYamlReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern REALM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "client_credentials", "refresh_token");

    private final EnvSubstitution env;
    private final ClientSecretHasher hasher;

    public RealmYamlReader(EnvSubstitution env, ClientSecretHasher hasher) {
        this.env = env;
        this.hasher = hasher;
    }

    public RealmDefinition read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("realm file " + file.getFileName() + " cannot be read", e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "is not a YAML mapping");
        }
        String realm = text(file, root, "realm");
        if (realm == null || !REALM_NAME.matcher(realm).matches()) {
            throw invalid(file, "needs a realm name of letters, digits, '-' or '_'");
        }
        List<Client> clients = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : root.path("clients")) {
            Client client = client(file, realm, node);
            if (!ids.add(client.clientId())) {
                throw invalid(file, "declares client " + client.clientId() + " twice");
            }
            clients.add(client);
        }
        return new RealmDefinition(realm, text(file, root, "displayName"), clients,
                tokenSigningAlg(file, "realm " + realm, root), registration(file, root.get("registration")));
    }

    /**
     * {@code registration}: dynamic client registration (RFC 7591) — {@code mode} ({@code closed}, the
     * default, {@code initial-access-token} or {@code open}), and the {@code scopes} and {@code grantTypes}
     * a registered client may have (defaults {@link RegistrationPolicy#DEFAULT_SCOPES},
     * {@link RegistrationPolicy#DEFAULT_GRANT_TYPES}).
     */
    private RegistrationPolicy registration(Path file, JsonNode node) {
        if (node == null || node.isNull()) {
            return RegistrationPolicy.CLOSED;
        }
        if (!node.isObject()) {
            throw invalid(file, "registration must be a mapping (mode, scopes, grantTypes)");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!Set.of("mode", "scopes", "grantTypes").contains(field)) {
                throw invalid(file, "registration has unknown key " + field + " (mode, scopes, grantTypes)");
            }
        }
        String mode = text(file, node, "mode");
        List<String> scopes = node.has("scopes") ? list(file, node, "scopes") : RegistrationPolicy.DEFAULT_SCOPES;
        List<String> grantTypes = node.has("grantTypes") ? list(file, node, "grantTypes")
                : RegistrationPolicy.DEFAULT_GRANT_TYPES;
        try {
            return new RegistrationPolicy(mode == null ? RegistrationMode.CLOSED : RegistrationMode.of(mode), scopes,
                    grantTypes);
        } catch (IllegalArgumentException e) {
            throw invalid(file, "registration: " + e.getMessage());
        }
    }

    private Client client(Path file, String realm, JsonNode node) {
        String clientId = text(file, node, "clientId");
        if (clientId == null || clientId.isBlank()) {
            throw invalid(file, "has a client without clientId");
        }
        String where = "client " + clientId;
        ClientType type;
        try {
            type = ClientType.of(text(file, node, "type"));
        } catch (IllegalArgumentException e) {
            throw invalid(file, where + ": " + e.getMessage());
        }
        String secret = text(file, node, "secret");
        ClientAuthentication authentication = authentication(file, where, type, node);
        if (authentication.method().usesSecret() && (secret == null || secret.isEmpty())) {
            throw invalid(file, where + " is confidential and needs a secret");
        }
        if (!authentication.method().usesSecret() && secret != null) {
            throw invalid(file, where + " is public or uses private_key_jwt and must not have a secret");
        }
        List<String> redirectUris = list(file, node, "redirectUris");
        redirectUris.forEach(uri -> requireAbsoluteWithoutFragment(file, where, uri));
        List<String> grantTypes = list(file, node, "grantTypes");
        for (String grant : grantTypes) {
            if (!GRANT_TYPES.contains(grant)) {
                throw invalid(file, where + " has unknown grant type " + grant);
            }
        }
        if (grantTypes.contains("authorization_code") && redirectUris.isEmpty()) {
            throw invalid(file, where + " uses authorization_code and needs redirectUris");
        }
        Optional<String> secretHash = secret == null ? Optional.empty() : Optional.of(hasher.hash(secret));
        return new Client(realm, clientId, text(file, node, "name"), type, secretHash, redirectUris, grantTypes,
                list(file, node, "scopes"), refreshTokenLifetimes(file, where, node), authentication,
                tokenSigningAlg(file, where, node), authorizationPolicy(file, where, node))
                .withLogout(logout(file, where, node));
    }

    /**
     * {@code postLogoutRedirectUris} (RP-Initiated Logout 1.0 §3.1), {@code frontchannelLogoutUri} and
     * {@code frontchannelLogoutSessionRequired} (Front-Channel Logout 1.0 §2), {@code backchannelLogoutUri}
     * and {@code backchannelLogoutSessionRequired} (Back-Channel Logout 1.0 §2.2); all optional.
     */
    private ClientLogout logout(Path file, String where, JsonNode node) {
        try {
            return new ClientLogout(list(file, node, "postLogoutRedirectUris"),
                    Optional.ofNullable(text(file, node, "frontchannelLogoutUri")),
                    flag(file, where, node, "frontchannelLogoutSessionRequired"),
                    Optional.ofNullable(text(file, node, "backchannelLogoutUri")),
                    flag(file, where, node, "backchannelLogoutSessionRequired"));
        } catch (IllegalArgumentException e) {
            throw invalid(file, where + ": " + e.getMessage());
        }
    }

    private static boolean flag(Path file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid(file, where + ": " + field + " must be true or false");
        }
        return value.asBoolean();
    }

    /**
     * {@code responseModes} (default: all), {@code requirePushedAuthorizationRequests} and
     * {@code consentRequired} (both default false).
     */
    private AuthorizationPolicy authorizationPolicy(Path file, String where, JsonNode node) {
        JsonNode require = node.get("requirePushedAuthorizationRequests");
        if (require != null && !require.isNull() && !require.isBoolean()) {
            throw invalid(file, where + ": requirePushedAuthorizationRequests must be true or false");
        }
        try {
            return new AuthorizationPolicy(AuthorizationPolicy.modes(list(file, node, "responseModes")),
                    require != null && require.asBoolean(), flag(file, where, node, "consentRequired"));
        } catch (IllegalArgumentException e) {
            throw invalid(file, where + ": " + e.getMessage());
        }
    }

    /** {@code tokenSigningAlg}: one of RS256, PS256, ES256, EdDSA, or absent (the level above decides). */
    private String tokenSigningAlg(Path file, String where, JsonNode node) {
        String alg = text(file, node, "tokenSigningAlg");
        if (alg != null && !TokenSigningAlgorithms.isSupported(alg)) {
            throw invalid(file, where + " has tokenSigningAlg " + alg + "; it must be one of "
                    + String.join(", ", TokenSigningAlgorithms.ALL));
        }
        return alg;
    }

    /**
     * {@code tokenEndpointAuthMethod} (OIDC Core §9; default {@code client_secret_basic}, or {@code none}
     * for a public client) and, for {@code private_key_jwt}, {@code jwks}: a JWK Set of public keys
     * (RFC 7591 §2), as a YAML mapping or as JSON text.
     */
    private ClientAuthentication authentication(Path file, String where, ClientType type, JsonNode node) {
        String methodText = text(file, node, "tokenEndpointAuthMethod");
        TokenEndpointAuthMethod method;
        try {
            method = methodText == null ? TokenEndpointAuthMethod.defaultFor(type) : TokenEndpointAuthMethod.of(methodText);
        } catch (IllegalArgumentException e) {
            throw invalid(file, where + ": " + e.getMessage());
        }
        if ((type == ClientType.PUBLIC) != (method == TokenEndpointAuthMethod.NONE)) {
            throw invalid(file, where + ": tokenEndpointAuthMethod none is for public clients, and only for them");
        }
        JsonNode jwks = node.get("jwks");
        boolean hasJwks = jwks != null && !jwks.isNull();
        if (method != TokenEndpointAuthMethod.PRIVATE_KEY_JWT) {
            if (hasJwks) {
                throw invalid(file, where + ": jwks is only for tokenEndpointAuthMethod private_key_jwt");
            }
            return new ClientAuthentication(method, Optional.empty());
        }
        if (!hasJwks) {
            throw invalid(file, where + " uses private_key_jwt and needs jwks");
        }
        try {
            String json = jwks.isObject() ? jwks.toString() : substitute(file, jwks.asText());
            return ClientAuthentication.privateKeyJwt(ClientJwks.normalise(json));
        } catch (IllegalArgumentException e) {
            throw invalid(file, where + ": " + e.getMessage());
        }
    }

    /** {@code refreshTokenIdleLifetime} / {@code refreshTokenAbsoluteLifetime}: ISO-8601 durations, e.g. P1D. */
    private RefreshTokenLifetimes refreshTokenLifetimes(Path file, String where, JsonNode node) {
        Optional<Duration> idle = duration(file, where, node, "refreshTokenIdleLifetime");
        Optional<Duration> absolute = duration(file, where, node, "refreshTokenAbsoluteLifetime");
        if (idle.isPresent() && absolute.isPresent() && idle.get().compareTo(absolute.get()) > 0) {
            throw invalid(file, where + ": refreshTokenIdleLifetime is longer than refreshTokenAbsoluteLifetime");
        }
        return new RefreshTokenLifetimes(idle, absolute);
    }

    private Optional<Duration> duration(Path file, String where, JsonNode node, String field) {
        String value = text(file, node, field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isZero() || duration.isNegative() || duration.toSeconds() == 0) {
                throw invalid(file, where + ": " + field + " must be at least one second");
            }
            return Optional.of(duration);
        } catch (DateTimeParseException e) {
            throw invalid(file, where + ": " + field + " is not an ISO-8601 duration such as P1D or PT12H");
        }
    }

    /** RFC 6749 §3.1.2 and RFC 9700 §2.1 ({@link RedirectUriRules}). */
    private static void requireAbsoluteWithoutFragment(Path file, String where, String uri) {
        RedirectUriRules.problem(uri).ifPresent(problem -> {
            throw invalid(file, where + " has a redirect URI that " + problem);
        });
    }

    private String text(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw invalid(file, "field " + field + " must be a single value");
        }
        return substitute(file, value.asText());
    }

    private List<String> list(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(file, "field " + field + " must be a list");
        }
        List<String> out = new ArrayList<>();
        value.forEach(v -> out.add(substitute(file, v.asText())));
        return List.copyOf(out);
    }

    private String substitute(Path file, String value) {
        return env.apply(value, "realm file " + file.getFileName());
    }

    private static IllegalArgumentException invalid(Path file, String problem) {
        return new IllegalArgumentException("realm file " + file.getFileName() + " " + problem);
    }
}
