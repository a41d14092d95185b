package dev.arbor.federation.protocol.saml2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlParticipant;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SAML Core §3.7.3.1 — a LogoutRequest names only what this IdP issued to that SP in that session. */
class SamlLogoutRequestTest {
    private static final String IDP = TestServiceProviders.ISSUER;
    private static final String SP = TestServiceProviders.ENTITY_ID;
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final SamlParticipant RECORDED = new SamlParticipant(SP, "sid-1", "alice", "abc", PERSISTENT,
            IDP, SP, "sid-1");

    private static SamlLogoutRequest naming(String sp, String value, String format, String nq, String spnq,
                                            List<String> indexes) {
        return new SamlLogoutRequest("_id", sp, value, format, nq, spnq, indexes, null, SamlBinding.HTTP_REDIRECT,
                Instant.now());
    }

    @Test
    void theNameIdAsIssuedWithOrWithoutQualifiersAndTheSessionIndexMatches() {
        assertTrue(naming(SP, "abc", PERSISTENT, IDP, SP, List.of("sid-1")).names(RECORDED, IDP));
        assertTrue(naming(SP, "abc", PERSISTENT, null, null, List.of()).names(RECORDED, IDP));
        assertTrue(naming(SP, "abc", PERSISTENT, null, null, List.of("other", "sid-1")).names(RECORDED, IDP));
    }

    @Test
    void anotherValueFormatQualifierSessionOrSpDoesNotMatch() {
        assertFalse(naming(SP, "abd", PERSISTENT, null, null, List.of()).names(RECORDED, IDP));
        assertFalse(naming(SP, "abc", null, null, null, List.of()).names(RECORDED, IDP));
        assertFalse(naming(SP, "abc", PERSISTENT, "https://other-idp", null, List.of()).names(RECORDED, IDP));
        assertFalse(naming(SP, "abc", PERSISTENT, null, "https://other-sp", List.of()).names(RECORDED, IDP));
        assertFalse(naming(SP, "abc", PERSISTENT, null, null, List.of("sid-2")).names(RECORDED, IDP));
        assertFalse(naming("https://sp2.example/metadata", "abc", PERSISTENT, null, null, List.of())
                .names(RECORDED, IDP));
    }

    @Test
    void anEmailNameIdIssuedWithoutQualifiersMatchesTheirDefaults() {
        SamlParticipant email = new SamlParticipant(SP, "sid-1", "alice", "alice@example.com",
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", null, null, "sid-1");
        assertTrue(naming(SP, "alice@example.com", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", IDP, SP,
                List.of()).names(email, IDP));
    }
}
