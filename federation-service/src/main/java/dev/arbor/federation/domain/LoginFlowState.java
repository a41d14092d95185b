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
 *     authenticated --> completed : protocol response sent (code issued)
 *     started --> failed
 *     awaiting_authentication --> failed
 *     authenticated --> failed
 * }</pre>
 */
public enum LoginFlowState {
    STARTED, AWAITING_AUTHENTICATION, AUTHENTICATED, COMPLETED, FAILED;

    public boolean canMoveTo(LoginFlowState next) {
        return switch (this) {
            case STARTED -> Set.of(AWAITING_AUTHENTICATION, AUTHENTICATED, FAILED).contains(next);
            case AWAITING_AUTHENTICATION -> Set.of(AUTHENTICATED, FAILED).contains(next);
            case AUTHENTICATED -> Set.of(COMPLETED, FAILED).contains(next);
            case COMPLETED, FAILED -> false;
        };
    }
}
