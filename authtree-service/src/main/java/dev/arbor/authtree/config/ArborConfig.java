package dev.arbor.authtree.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration under {@code arbor.*} (names fixed by the project's conventions). */
@ConfigMapping(prefix = "arbor")
public interface ArborConfig {
    /** Public base URL of the suite; a journey without a login flow succeeds to {@code <public-url>/ui/}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Realms realms();

    Authtree authtree();

    Redis redis();

    interface Redis {
        /** Every Redis key this service writes starts with this. */
        @WithDefault("arbor:authtree:")
        String keyPrefix();
    }

    interface Realms {
        /** Folder whose {@code *.yaml} realm documents are imported at start-up. */
        @WithDefault("deploy/local/realms")
        String dir();
    }

    interface Authtree {
        /** base64url of 32 random bytes: the HS256 key of {@code authId} (env ARBOR_AUTHTREE_AUTH_ID_KEY). Required. */
        String authIdKey();

        @WithDefault("PT10M")
        Duration journeyTtl();

        @WithDefault("PT8H")
        Duration sessionTtl();

        /** Node visits one journey may make; stops loops and endless retries. */
        @WithDefault("50")
        int maxSteps();

        /** Largest journey API request body, in bytes; larger is a 413. */
        @WithDefault("65536")
        int maxBodySize();

        /** Deadline of every call to a gRPC peer. */
        @WithDefault("PT2S")
        Duration peerTimeout();
    }
}
