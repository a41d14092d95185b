package dev.arbor.federation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Logout settings of federation-service (keys under {@code arbor.logout.}); docs/guides/logout.md. */
@ConfigMapping(prefix = "arbor.logout")
public interface LogoutConfig {

    /**
     * Back-Channel Logout 1.0 §2.5: one delivery attempt per entry, each after waiting that long; the RP
     * is given up on (logged, counted) when the last one fails with a 5xx, a timeout or no connection.
     */
    @WithDefault("PT0S,PT2S,PT10S")
    List<Duration> backchannelRetryDelays();

    /** How long one POST to an RP's {@code backchannel_logout_uri} may take, connection included. */
    @WithDefault("PT5S")
    Duration backchannelTimeout();
}
