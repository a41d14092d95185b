package dev.arbor.authtree.adapter.out.jose;

import dev.arbor.authtree.config.ArborConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the {@link JwsAuthIdCodec} from {@code arbor.authtree.auth-id-key}. */
public class AuthIdCodecProducer {
    @Produces
    @Singleton
    JwsAuthIdCodec authIdCodec(ArborConfig config, Clock clock) {
        return new JwsAuthIdCodec(config.authtree().authIdKey(), clock);
    }
}
