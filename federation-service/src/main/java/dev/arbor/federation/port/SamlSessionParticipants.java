package dev.arbor.federation.port;

import dev.arbor.federation.domain.saml2.SamlParticipant;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The SAML SPs of each SSO session with the NameID and SessionIndex each was given (SAML Profiles
 * §4.4.3.3), shared by every replica, kept as long as the session. Separate from
 * {@link LogoutParticipants}: back-channel OIDC logout forgets that one, SAML logout forgets this one.
 */
public interface SamlSessionParticipants {

    /** Records (or replaces) the SP's participation in the session {@code participant.sid()}. */
    Uni<Void> record(String realm, SamlParticipant participant, Instant sessionExpiresAt);

    /** The session's SAML participants; empty when none or forgotten. */
    Uni<List<SamlParticipant>> of(String realm, String sid);

    /** The sids of the sessions in which the SP was given this NameID value (they may have ended since). */
    Uni<Set<String>> sessionsNamed(String realm, String spEntityId, String nameId);

    /** Forgets the session's participants (they were, or are being, logged out). */
    Uni<Void> forget(String realm, String sid);
}
