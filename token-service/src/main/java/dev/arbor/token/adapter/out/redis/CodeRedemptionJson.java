package dev.arbor.token.adapter.out.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arbor.token.domain.code.CodeRedemption;
import dev.arbor.token.domain.revocation.AccessTokenId;
import java.time.Instant;
import java.util.List;

/** The JSON form of a {@link CodeRedemption} marker in Redis; {@code exp} in epoch seconds. */
record CodeRedemptionJson(
        @JsonProperty("realm") String realm,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("access_tokens") List<Token> accessTokens,
        @JsonProperty("refresh_family_id") String refreshFamilyId) {

    record Token(@JsonProperty("jti") String jti, @JsonProperty("exp") long exp) {
    }

    static CodeRedemptionJson from(CodeRedemption r) {
        return new CodeRedemptionJson(r.realm(), r.clientId(), r.accessTokens().stream()
                .map(t -> new Token(t.jti(), t.expiresAt().getEpochSecond()))
                .toList(), r.refreshFamilyId());
    }

    CodeRedemption toRedemption() {
        List<AccessTokenId> tokens = accessTokens == null ? List.of() : accessTokens.stream()
                .map(t -> new AccessTokenId(t.jti(), Instant.ofEpochSecond(t.exp())))
                .toList();
        return new CodeRedemption(realm, clientId, tokens, refreshFamilyId);
    }
}
