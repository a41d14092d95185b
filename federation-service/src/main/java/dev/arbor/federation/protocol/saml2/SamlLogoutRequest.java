package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlParticipant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trusted LogoutRequest from an SP (SAML Core §3.7.1): whom it names and which sessions.
 *
 * @param nameFormat      null when the request names none (unspecified)
 * @param sessionIndexes  empty: every session of the principal at the SP (§3.7.3)
 * @param binding         the binding it came in (the answer goes back the same way)
 * @param rememberUntil   how long its ID is kept against replay
 */
public record SamlLogoutRequest(String id, String spEntityId, String nameId, String nameFormat,
                                String nameQualifier, String spNameQualifier, List<String> sessionIndexes,
                                String relayState, SamlBinding binding, Instant rememberUntil) {
    private static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

    public SamlLogoutRequest {
        sessionIndexes = List.copyOf(sessionIndexes);
    }

    /**
     * SAML Core §3.7.3.1 — the request names what this IdP issued to this SP in that session: the same
     * value and Format; a NameQualifier or SPNameQualifier, when sent, the one issued (or its default:
     * this IdP, the SP); when SessionIndexes are sent, the session's among them.
     */
    public boolean names(SamlParticipant recorded, String idpEntityId) {
        return recorded.spEntityId().equals(spEntityId)
                && recorded.nameId().equals(nameId)
                && format(recorded.nameIdFormat()).equals(format(nameFormat))
                && (nameQualifier == null || nameQualifier.equals(
                        Objects.requireNonNullElse(recorded.nameQualifier(), idpEntityId)))
                && (spNameQualifier == null || spNameQualifier.equals(
                        Objects.requireNonNullElse(recorded.spNameQualifier(), spEntityId)))
                && (sessionIndexes.isEmpty() || sessionIndexes.contains(recorded.sessionIndex()));
    }

    private static String format(String format) {
        return format == null ? UNSPECIFIED : format;
    }
}
