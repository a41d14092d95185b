package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.config.SamlSsoConfig;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.SamlParticipant;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.SamlSoapClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.soap.soap11.Envelope;

/**
 * SAML Profiles §4.4.3.3 over SAML Bindings §3.2 (SOAP) — logs one participant out by back channel: a
 * signed LogoutRequest, and the signed LogoutResponse checked like a front-channel one (metadata keys,
 * InResponseTo, Issuer). A non-success status, an answer that does not verify, a SOAP fault, a timeout
 * or no connection is a failure. Every attempt is counted: {@code arbor.federation.saml.logout{result}}
 * (also counted there by {@link SamlLogoutEndpoint} for front-channel participants).
 */
@ApplicationScoped
public class SamlSoapLogout {
    private static final Logger LOG = Logger.getLogger(SamlSoapLogout.class);
    static final String METRIC = "arbor.federation.saml.logout";

    private final SamlSoapClient soap;
    private final MeterRegistry metrics;
    private final LogoutMessageValidator validator;
    private final Clock clock;

    public SamlSoapLogout(SamlSoapClient soap, MeterRegistry metrics, SamlSsoConfig config, Clock clock) {
        this.soap = soap;
        this.metrics = metrics;
        this.validator = new LogoutMessageValidator(config.clockSkew(), config.maxRequestAge());
        this.clock = clock;
    }

    /** True when the SP has a SOAP SingleLogoutService. */
    static boolean reachable(ServiceProvider sp) {
        return sp.singleLogoutService(SamlBinding.SOAP).isPresent();
    }

    /** @return true when the SP answered Success with a LogoutResponse that verifies */
    public Uni<Boolean> logout(String issuer, ServiceProvider sp, SamlParticipant participant, SamlKeyPair key) {
        String url = sp.singleLogoutService(SamlBinding.SOAP).orElseThrow().location();
        LogoutRequest request = LogoutMessages.request(issuer, url, participant, clock.instant());
        byte[] envelope = LogoutMessages.soapEnvelope(request, key);
        return soap.call(url, envelope)
                .map(answer -> check(answer, sp, request.getID()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("SAML back-channel logout of SP %s failed: %s", sp.entityId(), failure.getMessage());
                    return false;
                })
                .invoke(success -> count("soap", success));
    }

    void count(String channel, boolean success) {
        metrics.counter(METRIC, "channel", channel, "result", success ? "success" : "failed").increment();
    }

    private boolean check(byte[] answer, ServiceProvider sp, String sentId) {
        Envelope envelope;
        try {
            envelope = SamlXml.unmarshall(answer, Envelope.class);
        } catch (SamlXml.SamlXmlException e) {
            throw new InvalidSamlRequest("the SOAP answer is not an envelope: " + e.getMessage());
        }
        // the LogoutResponse must be the whole content: nothing in a Header that could hold a wrapped copy
        if (envelope.getBody() == null || envelope.getBody().getUnknownXMLObjects().size() != 1
                || (envelope.getHeader() != null && !envelope.getHeader().getUnknownXMLObjects().isEmpty())) {
            throw new InvalidSamlRequest("the SOAP answer must hold one LogoutResponse and no header");
        }
        XMLObject content = envelope.getBody().getUnknownXMLObjects().getFirst();
        if (!(content instanceof LogoutResponse response)) {
            throw new InvalidSamlRequest("the SOAP answer is not a LogoutResponse");
        }
        if (!sp.entityId().equals(LogoutMessageValidator.issuer(response))) {
            throw new InvalidSamlRequest("the LogoutResponse is not from the SP");
        }
        ReceivedMessage message = new ReceivedMessage(SamlBinding.SOAP, answer, null, null);
        boolean success = validator.check(message, response, sp, null, sentId, clock.instant());
        if (!success) {
            LOG.infof("SP %s answered the back-channel LogoutRequest with a non-success status", sp.entityId());
        }
        return success;
    }
}
