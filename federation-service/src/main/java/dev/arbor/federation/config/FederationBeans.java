package dev.arbor.federation.config;

import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.RevokedTokens;
import dev.arbor.federation.domain.SessionDirectory;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes the framework-free domain objects injectable. */
public class FederationBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    ClientSecretHasher clientSecretHasher(ArborConfig config) {
        return new ClientSecretHasher(config.federation().clientSecretPepper());
    }

    /** Parsed once at start-up, so a missing or malformed key fails the start, not the first SAML request. */
    @Produces
    @Singleton
    @Startup
    SamlKeyEncryptionKey samlKeyEncryptionKey(ArborConfig config) {
        return SamlKeyEncryptionKey.parse(config.federation().samlKeyEncryptionKey());
    }

    @Produces
    @ApplicationScoped
    SessionDirectory sessionDirectory(Clock clock, ArborConfig config) {
        return new SessionDirectory(clock, config.federation().endedSessionRetention(),
                config.federation().endedSessionCapacity());
    }

    @Produces
    @ApplicationScoped
    RevokedTokens revokedTokens(Clock clock, ArborConfig config) {
        return new RevokedTokens(clock, config.federation().revokedTokenCapacity());
    }
}
