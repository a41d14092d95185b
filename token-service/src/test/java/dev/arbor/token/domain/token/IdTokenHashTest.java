package dev.arbor.token.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.token.domain.key.SigningAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * OIDC Core §3.1.3.6 and §3.3.2.11. SHA-256 vectors are the at_hash and c_hash examples of OIDC Core
 * Appendix A.3 and A.4; SHA-512 vectors (EdDSA) were computed with
 * {@code printf %s <value> | openssl dgst -sha512 -binary | head -c 32 | basenc --base64url}.
 */
class IdTokenHashTest {

    private static final String ACCESS_TOKEN = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";
    private static final String CODE = "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk";

    @Test
    void atHashWithSha256AlgsIsTheOidcCoreExample() {
        assertEquals("77QmUPtjPfzWtF2AnpK9RQ", IdTokenHash.of(SigningAlgorithm.RS256, ACCESS_TOKEN));
        assertEquals("77QmUPtjPfzWtF2AnpK9RQ", IdTokenHash.of(SigningAlgorithm.PS256, ACCESS_TOKEN));
        assertEquals("77QmUPtjPfzWtF2AnpK9RQ", IdTokenHash.of(SigningAlgorithm.ES256, ACCESS_TOKEN));
    }

    @Test
    void cHashWithSha256IsTheOidcCoreExample() {
        assertEquals("LDktKdoQak3Pk0cnXxCltA", IdTokenHash.of(SigningAlgorithm.RS256, CODE));
    }

    @Test
    void hashesWithEdDsaUseTheLeftHalfOfSha512() {
        assertEquals("q7nS86GgvvFaZkzALLWqJYaJIKw2wCDAVfCAsm5CrBM", IdTokenHash.of(SigningAlgorithm.EdDSA, ACCESS_TOKEN));
        assertEquals("E9z1C-c0Az4eTEzE0Nm3OQ3BS2BhMgxuP7x5JAQj1_4", IdTokenHash.of(SigningAlgorithm.EdDSA, CODE));
    }
}
