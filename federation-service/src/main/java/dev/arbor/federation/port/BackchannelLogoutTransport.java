package dev.arbor.federation.port;

import io.smallrye.mutiny.Uni;

/** Back-Channel Logout 1.0 §2.5: one POST of {@code logout_token} to an RP. */
public interface BackchannelLogoutTransport {

    /** How one attempt ended. */
    enum Delivery {
        /** 2xx (§2.8: 200, or 204). */
        DELIVERED,
        /** 4xx: the RP refused the token (§2.8: 400); trying again would not help. */
        REJECTED,
        /** 5xx, a timeout, or no connection: worth another attempt. */
        RETRYABLE
    }

    /** Never fails: every outcome is a {@link Delivery}. */
    Uni<Delivery> post(String backchannelLogoutUri, String logoutToken);
}
