package dev.arbor.token.domain.code;

import dev.arbor.token.domain.revocation.AccessTokenId;
import java.util.List;

/**
 * The "redeemed" marker of an authorization code: who redeemed it and which access tokens were
 * issued from it, so a replay (RFC 6749 §4.1.2) can revoke exactly those.
 *
 * @param accessTokens empty while the redemption is in flight or when its checks failed
 */
public record CodeRedemption(String realm, String clientId, List<AccessTokenId> accessTokens) {

    public CodeRedemption {
        accessTokens = accessTokens == null ? List.of() : List.copyOf(accessTokens);
    }
}
