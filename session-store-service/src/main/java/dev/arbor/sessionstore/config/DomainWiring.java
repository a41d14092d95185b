package dev.arbor.sessionstore.config;

import dev.arbor.sessionstore.domain.TtlPolicy;
import dev.arbor.sessionstore.domain.journey.JourneyStateService;
import dev.arbor.sessionstore.domain.session.NodeResultSealing;
import dev.arbor.sessionstore.domain.session.SessionIdGenerator;
import dev.arbor.sessionstore.domain.session.SsoSessionService;
import dev.arbor.sessionstore.port.ForgetBeforeMarkers;
import dev.arbor.sessionstore.port.JourneyStateStore;
import dev.arbor.sessionstore.port.NodeResultCipher;
import dev.arbor.sessionstore.port.SessionEventPublisher;
import dev.arbor.sessionstore.port.SsoSessionRepository;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Builds the framework-free domain services from their ports and the typed configuration. */
public class DomainWiring {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    JourneyStateService journeyStateService(JourneyStateStore store, SessionStoreConfig config) {
        return new JourneyStateService(store, new TtlPolicy(config.sessionstore().maxJourneyTtl()));
    }

    @Produces
    @Singleton
    SsoSessionService ssoSessionService(SsoSessionRepository repository, SessionEventPublisher events,
                                        ForgetBeforeMarkers forgetMarkers, SessionStoreConfig config, Clock clock) {
        return new SsoSessionService(repository, events, forgetMarkers, new SessionIdGenerator(new SecureRandom()),
                new TtlPolicy(config.sessionstore().maxSessionTtl()), config.sessionStore().nodeResultMaxTtl(),
                clock);
    }

    @Produces
    @Singleton
    NodeResultSealing nodeResultSealing(NodeResultCipher cipher, ForgetBeforeMarkers forgetMarkers,
                                        SessionStoreConfig config, Clock clock) {
        return new NodeResultSealing(cipher, forgetMarkers, config.sessionStore().nodeResultMaxTtl(), clock);
    }
}
