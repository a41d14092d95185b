package dev.arbor.federation.protocol.saml2;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * SAML Core §1.3.4 — identifiers of what this IdP sends: 160 random bits (more than the 128 the
 * spec asks for), prefixed with an underscore so the value is an xs:ID (an NCName may not start with
 * a digit).
 */
public final class SamlIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SamlIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }
}
