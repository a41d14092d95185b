package dev.arbor.federation.domain.saml2;

import java.util.Objects;

/**
 * What this IdP told one SP about one SSO session (SAML Profiles §4.4.3.3): the NameID exactly as
 * issued, the SessionIndex, and whose session it is. A LogoutRequest from the SP is matched against
 * it (a transient NameID is random: this record is the only way to know whom it names), and a
 * LogoutRequest to the SP is built from it.
 *
 * @param sid             the session's public identifier
 * @param nameQualifier   null when the NameID was issued without one
 * @param spNameQualifier null when the NameID was issued without one
 * @param sessionIndex    the AuthnStatement's SessionIndex (the sid)
 */
public record SamlParticipant(String spEntityId, String sid, String subject, String nameId, String nameIdFormat,
                              String nameQualifier, String spNameQualifier, String sessionIndex) {
    public SamlParticipant {
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(nameId, "nameId");
    }
}
