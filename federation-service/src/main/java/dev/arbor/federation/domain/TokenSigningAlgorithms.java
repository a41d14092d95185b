package dev.arbor.federation.domain;

import java.util.List;

/**
 * The JWS algorithms Arbor signs access and ID tokens with (RFC 7518 §3.1, RFC 8037 §3.1), and the
 * only ones its verifiers accept: never {@code none} nor an HMAC algorithm (RFC 8725 §3.1, §3.2).
 */
public final class TokenSigningAlgorithms {

    /** In order of preference for discovery (OIDC Discovery §3 id_token_signing_alg_values_supported). */
    public static final List<String> ALL = List.of("RS256", "PS256", "ES256", "EdDSA");

    private TokenSigningAlgorithms() {
    }

    /** Whether {@code alg} is one of them, compared exactly (JWS alg values are case-sensitive). */
    public static boolean isSupported(String alg) {
        return ALL.contains(alg);
    }
}
