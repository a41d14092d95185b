package dev.arbor.federation.protocol.oidc;

import dev.arbor.federation.domain.Client;
import java.util.Optional;

/**
 * A checked RP-Initiated Logout 1.0 §2 request: the client it comes from (identified by
 * {@code id_token_hint} or {@code client_id}), the verified hint, and a {@code post_logout_redirect_uri}
 * that is registered for that client, exactly.
 */
public record LogoutRequest(String realm, Optional<Client> client, Optional<IdTokenHint> hint,
                            Optional<String> postLogoutRedirectUri, Optional<String> state,
                            Optional<String> uiLocales) {

    /** §3: where the browser goes afterwards, with {@code state} when the RP sent one. */
    public Optional<String> continueTo() {
        return postLogoutRedirectUri.map(uri -> state
                .map(s -> uri + (uri.contains("?") ? "&" : "?") + "state=" + RealmUrlsCodec.encode(s))
                .orElse(uri));
    }
}
