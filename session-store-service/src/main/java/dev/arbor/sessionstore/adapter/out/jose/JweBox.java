package dev.arbor.sessionstore.adapter.out.jose;

import dev.arbor.sessionstore.config.SessionStoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * Compact JWE (RFC 7516) with {@code alg=dir}, {@code enc=A256GCM} (RFC 7518 §4.5, §5.3) under
 * {@code arbor.session-store.node-result-key}. The header names the key ({@code kid}: the first 8
 * characters of base64url(SHA-256(key)), so no key id needs configuring) and the kind of content
 * ({@code cty}), which GCM authenticates: a value sealed for one use does not open as another.
 * Keys listed in {@code node-result-previous-keys} still open values; only the current one seals.
 */
@ApplicationScoped
public class JweBox {
    private static final int KEY_BYTES = 32;
    private static final AlgorithmConstraints ONLY_DIR = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT);
    private static final AlgorithmConstraints ONLY_A256GCM = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);

    private final String currentKid;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    public JweBox(SessionStoreConfig config) {
        SecretKeySpec current = key(config.sessionStore().nodeResultKey(), "node-result-key");
        this.currentKid = kid(current);
        keys.put(currentKid, current);
        for (String previous : config.sessionStore().nodeResultPreviousKeys().orElse(List.of())) {
            if (!previous.isBlank()) {
                SecretKeySpec key = key(previous.trim(), "node-result-previous-keys");
                keys.putIfAbsent(kid(key), key);
            }
        }
    }

    public String seal(String contentType, String plaintext) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setKeyIdHeaderValue(currentKid);
            jwe.setContentTypeHeaderValue(contentType);
            jwe.setKey(keys.get(currentKid));
            jwe.setPayload(plaintext);
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not seal a value", e);
        }
    }

    /** Empty when the value does not parse, names an unknown key, was tampered with or is of another kind. */
    public Optional<String> open(String contentType, String compact) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(ONLY_DIR);
            jwe.setContentEncryptionAlgorithmConstraints(ONLY_A256GCM);
            jwe.setCompactSerialization(compact);
            SecretKeySpec key = keys.get(jwe.getKeyIdHeaderValue());
            if (key == null || !contentType.equals(jwe.getContentTypeHeaderValue())) {
                return Optional.empty();
            }
            jwe.setKey(key);
            return Optional.of(jwe.getPayload());
        } catch (JoseException | RuntimeException e) {
            // Not ours, not intact: the caller treats it as absent. The value itself is never logged.
            return Optional.empty();
        }
    }

    private static SecretKeySpec key(String base64url, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("arbor.session-store." + property + " is not base64url");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("arbor.session-store." + property + " must be 32 bytes (base64url)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String kid(SecretKeySpec key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
