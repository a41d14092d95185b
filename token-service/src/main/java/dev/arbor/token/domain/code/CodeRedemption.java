package dev.arbor.token.domain.code;

import dev.arbor.token.domain.revocation.AccessTokenId;
import java.util.List;

/**
 * The "redeemed" marker of an authorization code: who redeemed it and which access tokens were
 * issued from it, so a replay (RFC 6749 §4.1.2) can revoke exactly those.
 *
 * @param accessTokens    empty while the redemption is in flight or when its checks failed
 * @param refreshFamilyId the refresh-token family started by the redemption; empty when none
 */
public record CodeRedemption(String realm, String clientId, List<AccessTokenId> accessTokens,
        String refreshFamilyId) {

    /** A redemption that started no refresh-token family. */
    public CodeRedemption(String realm, String clientId, List<AccessTokenId> accessTokens) {
        this(realm, clientId, accessTokens, "");
    }

    public CodeRedemption {
        accessTokens = accessTokens == null ? List.of() : List.copyOf(accessTokens);
        refreshFamilyId = refreshFamilyId == null ? "" : refreshFamilyId;
    }

    public boolean startedRefreshFamily() {
        return !refreshFamilyId.isEmpty();
    }
}
