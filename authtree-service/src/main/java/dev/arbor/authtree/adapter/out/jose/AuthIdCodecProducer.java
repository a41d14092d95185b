package dev.arbor.authtree.adapter.out.jose;

import dev.arbor.authtree.config.ArborConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the {@link JwsAuthIdCodec} and the {@link JweSecretSealer} from the service's keys. */
public class AuthIdCodecProducer {
    @Produces
    @Singleton
    JwsAuthIdCodec authIdCodec(ArborConfig config, Clock clock) {
        return new JwsAuthIdCodec(config.authtree().authIdKey(), clock);
    }

    @Produces
    @Singleton
    JweSecretSealer secretSealer(ArborConfig config) {
        return new JweSecretSealer(SecretEncryptionKey.from(config.authtree().secretEncryptionKey(),
                config.authtree().authIdKey()));
    }
}
