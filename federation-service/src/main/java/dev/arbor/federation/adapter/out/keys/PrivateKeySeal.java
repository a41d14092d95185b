package dev.arbor.federation.adapter.out.keys;

import dev.arbor.federation.config.SamlKeyEncryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a private key (PKCS#8 DER) with AES-256-GCM (NIST SP 800-38D): a random 96-bit nonce per
 * key, a 128-bit tag, and the additional authenticated data {@code realm|use|keyId}, so a sealed key
 * copied to another realm's or use's row does not open. A wrong KEK or a tampered row fails the tag
 * check: {@link #open} fails closed.
 */
final class PrivateKeySeal {
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec kek;

    PrivateKeySeal(SamlKeyEncryptionKey kek) {
        this.kek = new SecretKeySpec(kek.bytes(), "AES");
    }

    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    Sealed seal(byte[] pkcs8, String realm, String use, String keyId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(realm, use, keyId));
            return new Sealed(nonce, cipher.doFinal(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** @throws KeyNotOpened when the KEK is not the one it was sealed with, or the row was altered */
    byte[] open(Sealed sealed, String realm, String use, String keyId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(aad(realm, use, keyId));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new KeyNotOpened("the SAML " + use + " key " + keyId + " of realm " + realm
                    + " cannot be decrypted: arbor.federation.saml-key-encryption-key is not the key it was sealed with,"
                    + " or the row was altered");
        }
    }

    private static byte[] aad(String realm, String use, String keyId) {
        return (realm + "|" + use + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** A stored key that does not open; nothing is generated in its place (that would silently re-key the realm). */
    static final class KeyNotOpened extends IllegalStateException {
        KeyNotOpened(String message) {
            super(message);
        }
    }
}
