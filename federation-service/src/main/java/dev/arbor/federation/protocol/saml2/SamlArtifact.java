package dev.arbor.federation.protocol.saml2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.opensaml.saml.saml2.binding.artifact.SAML2ArtifactType0004;

/**
 * SAML Bindings §3.6.4 — a type 0x0004 artifact: {@code TypeCode (0x0004) ‖ EndpointIndex (2 bytes) ‖
 * SourceID (20 bytes) ‖ MessageHandle (20 bytes)}, base64 (44 bytes, 60 characters). The SourceID is the
 * SHA-1 of the issuer's entityID, as §3.6.4.2 says: an identifier of the issuer the receiver looks up,
 * not a signature, so SHA-1 is what the binding mandates here. The MessageHandle is 160 bits from
 * {@link SecureRandom}, the bearer secret the message is stored under (§3.6.4.2: "infeasible to guess").
 * Encoding and parsing are OpenSAML's ({@link SAML2ArtifactType0004}).
 *
 * @param endpointIndex the ArtifactResolutionService index of the issuer's metadata that resolves it
 */
public record SamlArtifact(int endpointIndex, byte[] sourceId, byte[] messageHandle) {
    /** This IdP's one ArtifactResolutionService in its metadata ({@link IdentityProviderMetadata}). */
    public static final int RESOLUTION_SERVICE_INDEX = 0;
    static final int HANDLE_BYTES = 20;
    private static final int ARTIFACT_BYTES = 44;
    private static final SecureRandom RANDOM = new SecureRandom();

    public SamlArtifact {
        if (endpointIndex < 0 || endpointIndex > 0xFFFF) {
            throw new IllegalArgumentException("the endpoint index is two bytes");
        }
        if (sourceId.length != 20 || messageHandle.length != HANDLE_BYTES) {
            throw new IllegalArgumentException("SourceID and MessageHandle are 20 bytes each");
        }
        sourceId = sourceId.clone();
        messageHandle = messageHandle.clone();
    }

    /** A new artifact of the IdP {@code issuer}, resolved at its ArtifactResolutionService index 0. */
    public static SamlArtifact issue(String issuer) {
        byte[] handle = new byte[HANDLE_BYTES];
        RANDOM.nextBytes(handle);
        return new SamlArtifact(RESOLUTION_SERVICE_INDEX, sourceId(issuer), handle);
    }

    /** §3.6.4.2: SourceID = SHA-1 of the entityID. */
    public static byte[] sourceId(String entityId) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(entityId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /**
     * Reads a {@code SAMLart} / {@code samlp:Artifact} value; empty for anything that is not a well-formed
     * type 0x0004 artifact (wrong base64, length or type code).
     */
    public static Optional<SamlArtifact> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != ARTIFACT_BYTES || bytes[0] != 0 || bytes[1] != 4) {
            return Optional.empty();
        }
        SAML2ArtifactType0004 parsed = SAML2ArtifactType0004.parseArtifact(bytes);
        byte[] index = parsed.getEndpointIndex();
        return Optional.of(new SamlArtifact(((index[0] & 0xFF) << 8) | (index[1] & 0xFF), parsed.getSourceID(),
                parsed.getMessageHandle()));
    }

    /** The base64 value sent as {@code SAMLart}. */
    public String encode() {
        byte[] index = {(byte) (endpointIndex >> 8), (byte) endpointIndex};
        return Base64.getEncoder().encodeToString(
                new SAML2ArtifactType0004(index, sourceId, messageHandle).getArtifactBytes());
    }

    /** Whether the issuer {@code entityId} issued it (its SourceID), compared in constant time. */
    public boolean isFrom(String entityId) {
        return MessageDigest.isEqual(sourceId, sourceId(entityId));
    }

    @Override
    public byte[] sourceId() {
        return sourceId.clone();
    }

    @Override
    public byte[] messageHandle() {
        return messageHandle.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SamlArtifact a && a.endpointIndex == endpointIndex
                && Arrays.equals(a.sourceId, sourceId) && MessageDigest.isEqual(a.messageHandle, messageHandle);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * endpointIndex + Arrays.hashCode(sourceId)) + Arrays.hashCode(messageHandle);
    }

    /** Never shows the MessageHandle: it is the bearer secret. */
    @Override
    public String toString() {
        return "SamlArtifact[endpointIndex=" + endpointIndex + ", sourceId=" + HexFormat.of().formatHex(sourceId) + "]";
    }
}
