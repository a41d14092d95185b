package dev.arbor.federation.protocol.oauth2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.ApplicationType;
import dev.arbor.federation.domain.AuthorizationPolicy;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientAuthentication;
import dev.arbor.federation.domain.ClientLogout;
import dev.arbor.federation.domain.ClientType;
import dev.arbor.federation.domain.TokenEndpointAuthMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 7591 §2 client metadata as far as Arbor's {@link Client} holds it, already checked
 * ({@link ClientMetadataReader}). {@code response_types} is not kept: Arbor only knows {@code code},
 * which goes with {@code authorization_code} (RFC 7591 §2.1), so it follows from the grant types.
 */
public record ClientMetadata(ApplicationType applicationType, String clientName, TokenEndpointAuthMethod method,
                             Optional<String> jwks, List<String> redirectUris, List<String> grantTypes,
                             List<String> scopes, ClientLogout logout, boolean requirePushedAuthorizationRequests,
                             String idTokenSignedResponseAlg) {

    /** The metadata of a stored client, for the client information response. */
    public static ClientMetadata of(Client c, ApplicationType applicationType) {
        return new ClientMetadata(applicationType, c.name(), c.tokenEndpointAuthMethod(), c.authentication().jwks(),
                c.redirectUris(), c.grantTypes(), c.scopes(), c.logout(),
                c.authorizationPolicy().requirePushedAuthorizationRequests(), c.tokenSigningAlg());
    }

    /** The client this metadata describes; {@code secretHash} present exactly for the two secret methods. */
    public Client toClient(String realm, String clientId, Optional<String> secretHash) {
        ClientType type = method == TokenEndpointAuthMethod.NONE ? ClientType.PUBLIC : ClientType.CONFIDENTIAL;
        return new Client(realm, clientId, clientName, type, secretHash, redirectUris, grantTypes, scopes, null,
                new ClientAuthentication(method, jwks), idTokenSignedResponseAlg,
                new AuthorizationPolicy(null, requirePushedAuthorizationRequests)).withLogout(logout);
    }

    /** The metadata members of RFC 7591 §3.2.1, named as registered (RFC 7591 §2, OIDC DCR §2, RFC 9126 §6). */
    public Map<String, Object> toJson(ObjectMapper json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("application_type", applicationType.value());
        out.put("redirect_uris", redirectUris);
        out.put("token_endpoint_auth_method", method.value());
        out.put("grant_types", grantTypes);
        out.put("response_types", grantTypes.contains("authorization_code") ? List.of("code") : List.of());
        if (clientName != null) {
            out.put("client_name", clientName);
        }
        out.put("scope", String.join(" ", scopes));
        jwks.ifPresent(set -> out.put("jwks", parse(json, set)));
        if (!logout.postLogoutRedirectUris().isEmpty()) {
            out.put("post_logout_redirect_uris", logout.postLogoutRedirectUris());
        }
        logout.frontchannelLogoutUri().ifPresent(uri -> {
            out.put("frontchannel_logout_uri", uri);
            out.put("frontchannel_logout_session_required", logout.frontchannelLogoutSessionRequired());
        });
        logout.backchannelLogoutUri().ifPresent(uri -> {
            out.put("backchannel_logout_uri", uri);
            out.put("backchannel_logout_session_required", logout.backchannelLogoutSessionRequired());
        });
        out.put("require_pushed_authorization_requests", requirePushedAuthorizationRequests);
        if (idTokenSignedResponseAlg != null) {
            out.put("id_token_signed_response_alg", idTokenSignedResponseAlg);
        }
        return out;
    }

    private static Object parse(ObjectMapper json, String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JWK Set is not JSON", e);
        }
    }
}
