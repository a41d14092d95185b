package dev.arbor.federation.protocol.saml2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** SAML Bindings §3.6.4 — the type 0x0004 artifact Arbor issues and reads. */
class SamlArtifactTest {
    private static final String ISSUER = TestServiceProviders.ISSUER;

    @Test
    void anIssuedArtifactIsTypeCodeIndexZeroSha1SourceIdAndATwentyByteHandle() throws Exception {
        SamlArtifact artifact = SamlArtifact.issue(ISSUER);

        byte[] bytes = Base64.getDecoder().decode(artifact.encode());

        assertEquals(44, bytes.length);
        assertArrayEquals(new byte[] {0, 4}, Arrays.copyOfRange(bytes, 0, 2), "TypeCode 0x0004");
        assertArrayEquals(new byte[] {0, 0}, Arrays.copyOfRange(bytes, 2, 4), "EndpointIndex 0");
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(ISSUER.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(sha1, Arrays.copyOfRange(bytes, 4, 24), "SourceID = SHA-1 of the entityID");
        assertArrayEquals(artifact.messageHandle(), Arrays.copyOfRange(bytes, 24, 44));
    }

    @Test
    void everyArtifactHasItsOwnRandomHandle() {
        SamlArtifact first = SamlArtifact.issue(ISSUER);
        SamlArtifact second = SamlArtifact.issue(ISSUER);

        assertArrayEquals(first.sourceId(), second.sourceId());
        assertFalse(Arrays.equals(first.messageHandle(), second.messageHandle()));
        assertNotEquals(first.encode(), second.encode());
    }

    @Test
    void anEncodedArtifactDecodesToTheSameOneAndKnowsItsIssuer() {
        SamlArtifact artifact = SamlArtifact.issue(ISSUER);

        SamlArtifact decoded = SamlArtifact.decode(artifact.encode()).orElseThrow();

        assertEquals(artifact, decoded);
        assertEquals(0, decoded.endpointIndex());
        assertTrue(decoded.isFrom(ISSUER));
        assertFalse(decoded.isFrom("http://localhost:8080/realms/other"));
    }

    @Test
    void whatIsNotAType0004ArtifactDecodesToNothing() {
        byte[] valid = Base64.getDecoder().decode(SamlArtifact.issue(ISSUER).encode());
        byte[] type0002 = valid.clone();
        type0002[1] = 2;
        byte[] shortOne = Arrays.copyOf(valid, 43);
        byte[] longOne = Arrays.copyOf(valid, 45);

        assertTrue(SamlArtifact.decode(Base64.getEncoder().encodeToString(type0002)).isEmpty());
        assertTrue(SamlArtifact.decode(Base64.getEncoder().encodeToString(shortOne)).isEmpty());
        assertTrue(SamlArtifact.decode(Base64.getEncoder().encodeToString(longOne)).isEmpty());
        assertTrue(SamlArtifact.decode("not base64 !").isEmpty());
        assertTrue(SamlArtifact.decode("").isEmpty());
        assertTrue(SamlArtifact.decode(null).isEmpty());
    }

    @Test
    void theHandleIsABearerSecretAndNeverPrinted() {
        SamlArtifact artifact = SamlArtifact.issue(ISSUER);

        assertFalse(artifact.toString().contains(HexFormat.of().formatHex(artifact.messageHandle())));
        assertFalse(artifact.toString().contains(artifact.encode()));
    }

    @Test
    void theAcsGetsSamlArtAndTheRelayStateUnchangedInItsQuery() {
        SamlArtifact artifact = SamlArtifact.issue(ISSUER);

        String plain = HttpArtifactBinding.location("https://sp.example/artifact", artifact, "https://sp.example/a?b=1&c=<d>");
        String withQuery = HttpArtifactBinding.location("https://sp.example/artifact?x=1", artifact, null);

        assertEquals("https://sp.example/artifact?SAMLart=" + TestAuthnRequests.encode(artifact.encode())
                + "&RelayState=" + TestAuthnRequests.encode("https://sp.example/a?b=1&c=<d>"), plain);
        assertEquals("https://sp.example/artifact?x=1&SAMLart=" + TestAuthnRequests.encode(artifact.encode()), withQuery);
    }
}
