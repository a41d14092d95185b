package dev.arbor.federation.adapter.in.kafka;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.federation.protocol.oidc.BackchannelLogout;
import dev.arbor.federation.protocol.saml2.SamlBackchannelLogout;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code session.ended} from {@code arbor.session.v1} for back-channel logout (OIDC, and SAML SOAP). Unlike
 * {@link SessionEventsConsumer} (one consumer group per replica, each fills its own deny-set), all
 * replicas share the consumer group {@code federation-backchannel-logout}: each event is handled by
 * exactly one replica, so each RP is told once. The offset is committed after the deliveries finished
 * (delivered or given up).
 */
@ApplicationScoped
public class BackchannelLogoutConsumer {
    private static final Logger LOG = Logger.getLogger(BackchannelLogoutConsumer.class);

    private final BackchannelLogout backchannel;
    private final SamlBackchannelLogout saml;

    public BackchannelLogoutConsumer(BackchannelLogout backchannel, SamlBackchannelLogout saml) {
        this.backchannel = backchannel;
        this.saml = saml;
    }

    @Incoming("backchannel-logout")
    public Uni<Void> consume(String payload) {
        SessionEvent event;
        try {
            event = payload == null || payload.isBlank() ? null : EventJson.read(payload, SessionEvent.class);
        } catch (IllegalArgumentException e) {
            event = null;
        }
        if (!(event instanceof SessionEvent.Ended ended)) {
            return Uni.createFrom().voidItem(); // created events, and malformed ones (counted by SessionEventsConsumer)
        }
        // each reads and forgets its own participant record, so the two run side by side
        return Uni.join().all(
                        backchannel.sessionEnded(ended.realm(), ended.sid(), ended.subject(), ended.reason())
                                .onFailure().recoverWithUni(failure -> failed("back-channel", ended, failure)),
                        saml.sessionEnded(ended.realm(), ended.sid(), ended.reason())
                                .onFailure().recoverWithUni(failure -> failed("SAML back-channel", ended, failure)))
                .andCollectFailures().replaceWithVoid();
    }

    private static Uni<Void> failed(String what, SessionEvent.Ended ended, Throwable failure) {
        LOG.errorf("%s logout of a session of realm %s failed: %s", what, ended.realm(),
                failure.getClass().getSimpleName());
        return Uni.createFrom().voidItem();
    }
}
