package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.NameIdFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SAML Core §8.3 — the NameID value of each format. Persistent is pairwise (§8.3.7: "MUST NOT be
 * shared with other SPs"): base64url(HMAC-SHA256(key, realm|spEntityId|subject)), stable for as long as
 * the key is, and not reversible to the subject. Transient is new every time (§8.3.8). Email and
 * unspecified come from an identity claim.
 */
public final class NameIds {
    private NameIds() {
    }

    /**
     * @param key   the HMAC key of persistent NameIDs (keep it: a new key gives every user a new identifier at every SP)
     * @param claim the identity claim an email/unspecified NameID is read from
     * @return empty when the user has no value for the claim
     */
    public static Optional<String> value(NameIdFormat format, byte[] key, String realm, String spEntityId,
                                         String subject, Map<String, String> claims, String claim) {
        return switch (format) {
            case PERSISTENT -> Optional.of(persistent(key, realm, spEntityId, subject));
            case TRANSIENT -> Optional.of(SamlIds.newId());
            case EMAIL, UNSPECIFIED -> Optional.ofNullable(claim == null ? null : claims.get(claim))
                    .filter(v -> !v.isBlank());
        };
    }

    static String persistent(byte[] key, String realm, String spEntityId, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((realm + "|" + spEntityId + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
