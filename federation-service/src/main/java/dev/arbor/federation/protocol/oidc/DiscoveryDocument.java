package dev.arbor.federation.protocol.oidc;

import dev.arbor.federation.domain.RegistrationMode;
import dev.arbor.federation.domain.ResponseMode;
import dev.arbor.federation.domain.TokenSigningAlgorithms;
import dev.arbor.federation.protocol.oauth2.GrantHandlerRegistry;
import dev.arbor.federation.protocol.oauth2.PrivateKeyJwtAuthenticator;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * OpenID Connect Discovery 1.0 §3 — provider metadata of a realm (also RFC 8414 §2), plus
 * {@code authorization_response_iss_parameter_supported} (RFC 9207 §3).
 */
@ApplicationScoped
public class DiscoveryDocument {
    private static final List<String> SCOPES = List.of("openid", "profile", "email");
    /**
     * OIDC Discovery §3 {@code claims_supported}: the claims this server sets itself, and every standard
     * claim it can release (by scope, §5.4, or one by one through the claims parameter, §5.5) when the
     * identity has it.
     */
    private static final List<String> CLAIMS = Stream.concat(
            Stream.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "sid"),
            StandardClaims.REQUESTABLE.stream()).distinct().toList();

    private static final List<String> AUTH_METHODS = List.of("client_secret_basic", "client_secret_post",
            "private_key_jwt", "none");

    private final RealmUrls urls;
    private final GrantHandlerRegistry grants;

    public DiscoveryDocument(RealmUrls urls, GrantHandlerRegistry grants) {
        this.urls = urls;
        this.grants = grants;
    }

    /** {@code registration}: the realm's registration mode; {@code registration_endpoint} is named unless closed. */
    public Map<String, Object> forRealm(String realm, RegistrationMode registration) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", urls.issuer(realm));
        doc.put("authorization_endpoint", urls.endpoint(realm, "oauth2/authorize"));
        doc.put("token_endpoint", urls.endpoint(realm, "oauth2/token"));
        doc.put("userinfo_endpoint", urls.endpoint(realm, "oauth2/userinfo"));
        doc.put("jwks_uri", urls.endpoint(realm, "oauth2/jwks"));
        doc.put("response_types_supported", List.of("code"));
        // Multiple Response Types §2.1, Form Post Response Mode, and web_message for popups; per client a subset
        doc.put("response_modes_supported", ResponseMode.names());
        doc.put("grant_types_supported", grants.grantTypes());
        doc.put("subject_types_supported", List.of("public"));
        // OIDC Discovery §3: RS256 must be listed; each client's alg is its own or its realm's default
        doc.put("id_token_signing_alg_values_supported", TokenSigningAlgorithms.ALL);
        doc.put("token_endpoint_auth_methods_supported", AUTH_METHODS);
        // RFC 8414 §2: the algorithms a private_key_jwt assertion (RFC 7523) may be signed with
        doc.put("token_endpoint_auth_signing_alg_values_supported", PrivateKeyJwtAuthenticator.ALGORITHMS);
        // RFC 8414 §2: revocation (RFC 7009) and introspection (RFC 7662) endpoints and how to authenticate
        doc.put("revocation_endpoint", urls.endpoint(realm, "oauth2/revoke"));
        doc.put("revocation_endpoint_auth_methods_supported", AUTH_METHODS);
        doc.put("revocation_endpoint_auth_signing_alg_values_supported", PrivateKeyJwtAuthenticator.ALGORITHMS);
        doc.put("introspection_endpoint", urls.endpoint(realm, "oauth2/introspect"));
        doc.put("introspection_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        doc.put("introspection_endpoint_auth_signing_alg_values_supported", PrivateKeyJwtAuthenticator.ALGORITHMS);
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("scopes_supported", SCOPES);
        doc.put("claims_supported", CLAIMS);
        doc.put("prompt_values_supported", List.of("none", "login", "consent", "select_account"));
        doc.put("authorization_response_iss_parameter_supported", true);
        // OIDC Core §5.5 claims parameter (id_token and userinfo members, essential, value, values); RFC 9101
        // request objects by value, signed like private_key_jwt
        doc.put("claims_parameter_supported", true);
        doc.put("request_parameter_supported", true);
        doc.put("request_object_signing_alg_values_supported", PrivateKeyJwtAuthenticator.ALGORITHMS);
        // request_uri only as a PAR urn (RFC 9126), never fetched from the client
        doc.put("request_uri_parameter_supported", false);
        doc.put("require_request_uri_registration", false);
        doc.put("pushed_authorization_request_endpoint", urls.endpoint(realm, "oauth2/par"));
        doc.put("require_pushed_authorization_requests", false);
        // RP-Initiated Logout 1.0 §2.1, Front-Channel Logout 1.0 §3, Back-Channel Logout 1.0 §2.1
        doc.put("end_session_endpoint", urls.endpoint(realm, "oauth2/logout"));
        doc.put("frontchannel_logout_supported", true);
        doc.put("frontchannel_logout_session_supported", true);
        doc.put("backchannel_logout_supported", true);
        doc.put("backchannel_logout_session_supported", true);
        // OIDC Discovery §3 / RFC 8414 §2: only where the realm lets clients register (RFC 7591 §3)
        if (registration != RegistrationMode.CLOSED) {
            doc.put("registration_endpoint", urls.endpoint(realm, "oauth2/register"));
        }
        return doc;
    }
}
