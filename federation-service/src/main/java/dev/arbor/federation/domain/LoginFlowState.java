package dev.arbor.federation.domain;

import java.util.Set;

/**
 * Where a login flow is. Only forward moves are allowed:
 *
 * <pre>{@code
 * stateDiagram-v2
 *     [*] --> started
 *     started --> awaiting_authentication : sent to the login UI
 *     started --> authenticated : SSO session already valid
 *     awaiting_authentication --> authenticated : journey succeeded, browser resumed
 *     authenticated --> awaiting_consent : consent needed, sent to the consent page
 *     awaiting_consent --> consent_given : user allowed
 *     awaiting_consent --> consent_refused : user denied
 *     consent_given --> completed : browser resumed, code issued
 *     consent_refused --> failed : browser resumed, access_denied
 *     authenticated --> completed : protocol response sent (code issued)
 *     started --> failed
 *     awaiting_authentication --> failed
 *     authenticated --> failed
 *     awaiting_consent --> failed
 *     consent_given --> failed
 * }</pre>
 *
 * Only the waiting states ({@code awaiting_*}, {@code consent_*}) are ever stored; the others live for
 * one request.
 */
public enum LoginFlowState {
    STARTED, AWAITING_AUTHENTICATION, AUTHENTICATED, AWAITING_CONSENT, CONSENT_GIVEN, CONSENT_REFUSED, COMPLETED,
    FAILED;

    public boolean canMoveTo(LoginFlowState next) {
        return switch (this) {
            case STARTED -> Set.of(AWAITING_AUTHENTICATION, AUTHENTICATED, FAILED).contains(next);
            case AWAITING_AUTHENTICATION -> Set.of(AUTHENTICATED, FAILED).contains(next);
            case AUTHENTICATED -> Set.of(AWAITING_CONSENT, COMPLETED, FAILED).contains(next);
            case AWAITING_CONSENT -> Set.of(CONSENT_GIVEN, CONSENT_REFUSED, FAILED).contains(next);
            case CONSENT_GIVEN -> Set.of(COMPLETED, FAILED).contains(next);
            case CONSENT_REFUSED -> next == FAILED;
            case COMPLETED, FAILED -> false;
        };
    }
}
