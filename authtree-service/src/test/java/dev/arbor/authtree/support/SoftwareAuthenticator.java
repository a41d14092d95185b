package dev.arbor.authtree.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A software WebAuthn authenticator and client for tests: a P-256 key (JCA), {@code none} attestation, and
 * the browser's {@code PublicKeyCredential.toJSON()} shapes (W3C WebAuthn L3 §5.1.x, base64url fields). Each
 * knob lets a test break one thing the relying party must check (origin, type, RP ID, flags, counter,
 * signature, user handle, algorithm, cross-origin). Mutable on purpose: a test configures, then calls.
 */
public final class SoftwareAuthenticator {
    public static final int UP = 0x01;
    public static final int UV = 0x04;
    public static final int BE = 0x08;
    public static final int BS = 0x10;
    private static final int AT = 0x40;
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private byte[] credentialId;
    public String origin = "http://localhost:8080";
    public String rpId = "localhost";
    public int flags = UP | UV;
    public long signCount = 0;
    public boolean bogusSignature;
    public boolean crossOrigin;
    public int coseAlg = -7;
    public String createType = "webauthn.create";
    public String getType = "webauthn.get";
    /** The user handle an assertion carries; {@code null} omits it. Set by {@link #register}. */
    public byte[] userHandle;

    public SoftwareAuthenticator() {
        this(16);
    }

    public SoftwareAuthenticator(int credentialIdLength) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.credentialId = new byte[credentialIdLength];
        RANDOM.nextBytes(credentialId);
    }

    /** A second authenticator holding the same key and credential id (a clone), with its own counter. */
    public SoftwareAuthenticator cloneWithCounter(long counter) {
        SoftwareAuthenticator clone = new SoftwareAuthenticator(keys, credentialId.clone());
        clone.userHandle = userHandle == null ? null : userHandle.clone();
        clone.signCount = counter;
        clone.flags = flags;
        return clone;
    }

    private SoftwareAuthenticator(KeyPair keys, byte[] credentialId) {
        this.keys = keys;
        this.credentialId = credentialId;
    }

    public String credentialIdBase64Url() {
        return B64U.encodeToString(credentialId);
    }

    /** {@code navigator.credentials.create()} for options with {@code challenge} and {@code user.id}. */
    public String register(String challengeB64u, String userIdB64u) {
        userHandle = Base64.getUrlDecoder().decode(userIdB64u);
        byte[] clientData = clientData(createType, challengeB64u);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(flags | AT);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) signCount).array());
        authData.writeBytes(new byte[16]); // AAGUID: none
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        Cbor attestation = new Cbor().map(3).text("fmt").text("none").text("attStmt").map(0)
                .text("authData").bytes(authData.toByteArray());
        return "{\"id\":\"" + credentialIdBase64Url() + "\",\"rawId\":\"" + credentialIdBase64Url()
                + "\",\"type\":\"public-key\",\"authenticatorAttachment\":\"platform\",\"response\":{"
                + "\"clientDataJSON\":\"" + B64U.encodeToString(clientData) + "\",\"attestationObject\":\""
                + B64U.encodeToString(attestation.toBytes()) + "\",\"transports\":[\"internal\"],\"publicKeyAlgorithm\":"
                + coseAlg + "},\"clientExtensionResults\":{}}";
    }

    /** {@code navigator.credentials.get()} for options with {@code challenge}; bumps the counter first. */
    public String assertion(String challengeB64u) {
        signCount++;
        byte[] clientData = clientData(getType, challengeB64u);
        byte[] authData = ByteBuffer.allocate(37).put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) flags).putInt((int) signCount).array();
        byte[] signature;
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update(authData);
            ecdsa.update(sha256(clientData));
            signature = ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (bogusSignature) {
            signature[signature.length - 1] ^= 0x01;
        }
        return "{\"id\":\"" + credentialIdBase64Url() + "\",\"rawId\":\"" + credentialIdBase64Url()
                + "\",\"type\":\"public-key\",\"authenticatorAttachment\":\"platform\",\"response\":{"
                + "\"clientDataJSON\":\"" + B64U.encodeToString(clientData) + "\",\"authenticatorData\":\""
                + B64U.encodeToString(authData) + "\",\"signature\":\"" + B64U.encodeToString(signature) + "\""
                + (userHandle == null ? "" : ",\"userHandle\":\"" + B64U.encodeToString(userHandle) + "\"")
                + "},\"clientExtensionResults\":{}}";
    }

    private byte[] clientData(String type, String challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":" + crossOrigin + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 9053 §7.1.1 EC2 key: {1: 2, 3: alg, -1: 1 (P-256), -2: x, -3: y}. */
    private byte[] coseKey() {
        ECPublicKey pub = (ECPublicKey) keys.getPublic();
        return new Cbor().map(5).integer(1).integer(2).integer(3).integer(coseAlg).integer(-1).integer(1)
                .integer(-2).bytes(fixed(pub.getW().getAffineX())).integer(-3).bytes(fixed(pub.getW().getAffineY()))
                .toBytes();
    }

    private static byte[] fixed(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough CBOR (RFC 8949 §3) for attestation objects and COSE keys. */
    private static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Cbor head(int major, long value) {
            if (value < 24) {
                out.write(major << 5 | (int) value);
            } else if (value < 256) {
                out.write(major << 5 | 24);
                out.write((int) value);
            } else if (value < 65536) {
                out.write(major << 5 | 25);
                out.writeBytes(ByteBuffer.allocate(2).putShort((short) value).array());
            } else {
                out.write(major << 5 | 26);
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) value).array());
            }
            return this;
        }

        Cbor map(int entries) {
            return head(5, entries);
        }

        Cbor text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(3, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor bytes(byte[] b) {
            head(2, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor integer(long n) {
            return n >= 0 ? head(0, n) : head(1, -1 - n);
        }

        byte[] toBytes() {
            return Arrays.copyOf(out.toByteArray(), out.size());
        }
    }
}
