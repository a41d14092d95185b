package dev.arbor.federation.protocol.oauth2;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * RFC 6749 §3.2 — the token endpoint: authenticate the client (§2.3), then hand the request to
 * the {@link GrantHandler} of its {@code grant_type} (§4.1.3, §4.4), if the client may use it.
 */
@ApplicationScoped
public class TokenEndpoint {
    private final ClientAuthenticator authenticator;
    private final GrantHandlerRegistry grants;
    private final RealmUrls urls;

    public TokenEndpoint(ClientAuthenticator authenticator, GrantHandlerRegistry grants, RealmUrls urls) {
        this.authenticator = authenticator;
        this.grants = grants;
        this.urls = urls;
    }

    public Uni<TokenResponse> token(String realm, String authorization, Map<String, List<String>> form) {
        return Uni.createFrom().deferred(() -> {
            Map<String, String> single = FormParameters.single(form);
            return authenticator.authenticate(realm, authorization, single).chain(client -> {
                String grantType = single.get("grant_type");
                if (grantType == null || grantType.isEmpty()) {
                    throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("grant_type is required");
                }
                GrantHandler handler = grants.find(grantType).orElseThrow(() -> OAuth2Exception
                        .of(OAuth2Errors.UNSUPPORTED_GRANT_TYPE).withDescription("grant_type is not supported"));
                if (!client.allowsGrant(grantType)) {
                    throw OAuth2Exception.of(OAuth2Errors.UNAUTHORIZED_CLIENT)
                            .withDescription("the client may not use this grant_type");
                }
                return handler.handle(new TokenRequest(realm, urls.issuer(realm), client, single));
            });
        });
    }
}
