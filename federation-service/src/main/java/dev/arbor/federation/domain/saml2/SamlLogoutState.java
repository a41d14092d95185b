package dev.arbor.federation.domain.saml2;

import java.util.List;
import java.util.Objects;

/**
 * An SP-initiated Single Logout in progress (SAML Profiles §4.4.3.3–4): the session is already ended;
 * the front-channel participants are being visited one after another through the browser, and the
 * initiator is answered when none is left.
 *
 * @param initiator            the SP that sent the LogoutRequest
 * @param requestId            its LogoutRequest's ID (the answer's InResponseTo)
 * @param relayState           its RelayState, given back unchanged; null when it sent none
 * @param answerBinding        the binding the request came in, to answer with
 * @param remaining            participants still to visit, in order
 * @param outstandingSp        the SP a LogoutRequest was sent to, whose LogoutResponse is awaited; null when none
 * @param outstandingRequestId the ID of that LogoutRequest
 * @param failed               a participant could not be logged out (the answer is PartialLogout)
 */
public record SamlLogoutState(String realm, String initiator, String requestId, String relayState,
                              SamlBinding answerBinding, List<SamlParticipant> remaining, String outstandingSp,
                              String outstandingRequestId, boolean failed) {
    public SamlLogoutState {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(answerBinding, "answerBinding");
        remaining = List.copyOf(remaining);
    }

    /** The next participant is visited with a request of that ID. */
    public SamlLogoutState sentTo(String sp, String id) {
        return new SamlLogoutState(realm, initiator, requestId, relayState, answerBinding,
                remaining.subList(1, remaining.size()), sp, id, failed);
    }

    /** The outstanding participant answered (or is skipped). */
    public SamlLogoutState answered(boolean success) {
        return new SamlLogoutState(realm, initiator, requestId, relayState, answerBinding, remaining, null, null,
                failed || !success);
    }

    /** The first remaining participant is skipped (no usable endpoint any more). */
    public SamlLogoutState skipFirst(boolean asFailure) {
        return new SamlLogoutState(realm, initiator, requestId, relayState, answerBinding,
                remaining.subList(1, remaining.size()), null, null, failed || asFailure);
    }
}
