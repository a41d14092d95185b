package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.config.SamlSsoConfig;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.port.AssertionReplayCache;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.LoginFlows;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * SAML Profiles §4.1.4.1 — the IdP's SSO service: decode (either binding), find the SP its Issuer
 * names, check the request ({@link AuthnRequestValidator}), accept its ID once, then start a login
 * flow in the core shared with OIDC. An untrusted request gets an error page; a trusted one that
 * asks for what Arbor does not do gets a status at its registered ACS.
 */
@ApplicationScoped
public class SamlSsoEndpoint {
    private static final Logger LOG = Logger.getLogger(SamlSsoEndpoint.class);
    private static final String INVALID = "The SAML request cannot be used (Invalid Request).";

    private final ServiceProviderRegistry registry;
    private final SamlCredentials credentials;
    private final AuthnRequestReplayGuard replays;
    private final SamlProtocolAdapter adapter;
    private final LoginFlows loginFlows;
    private final RealmUrls urls;
    private final Clock clock;
    private final AuthnRequestValidator validator;

    public SamlSsoEndpoint(ServiceProviderRegistry registry, SamlCredentials credentials, AssertionReplayCache cache,
                           SamlProtocolAdapter adapter, LoginFlows loginFlows, RealmUrls urls, Clock clock,
                           SamlSsoConfig config) {
        this.registry = registry;
        this.credentials = credentials;
        this.replays = new AuthnRequestReplayGuard(cache);
        this.adapter = adapter;
        this.loginFlows = loginFlows;
        this.urls = urls;
        this.clock = clock;
        this.validator = new AuthnRequestValidator(config.clockSkew(), config.maxRequestAge());
    }

    /** @param decode the binding's decoding of the HTTP request (throws {@link InvalidSamlRequest}) */
    public Uni<ProtocolResponse> handle(String realm, Supplier<ReceivedMessage> decode, String sessionId) {
        ReceivedMessage message;
        AuthnRequest request;
        String entityId;
        try {
            message = decode.get();
            request = AuthnRequestValidator.parse(message);
            entityId = AuthnRequestValidator.issuer(request);
        } catch (InvalidSamlRequest e) {
            return invalid(realm, e);
        }
        String issuer = urls.issuer(realm);
        return registry.find(realm, entityId).chain(found -> {
            if (found.isEmpty()) {
                return invalid(realm, new InvalidSamlRequest("the Issuer is not a registered SP"));
            }
            AuthnRequestCheck check;
            try {
                check = validator.check(message, request, found.get(), urls.endpoint(realm, "saml2/sso"),
                        clock.instant());
            } catch (InvalidSamlRequest e) {
                return invalid(realm, e);
            }
            return replays.firstUse(realm, check.request()).chain(first -> {
                if (!first) {
                    return invalid(realm, new InvalidSamlRequest("the AuthnRequest ID was already used"));
                }
                return switch (check) {
                    case AuthnRequestCheck.Refused r -> credentials.signing(realm)
                            .chain(key -> adapter.refused(r.request(), r.status(), issuer, key));
                    case AuthnRequestCheck.Accepted a -> {
                        String tree = a.request().tree();
                        // a requested context is met only by a session of its tree
                        yield loginFlows.start(realm, adapter, SamlProtocolAdapter.toProtocolRequest(a.request()),
                                sessionId, s -> tree.isEmpty() || tree.equals(s.acr()));
                    }
                };
            });
        });
    }

    private static Uni<ProtocolResponse> invalid(String realm, InvalidSamlRequest e) {
        LOG.infof("SAML request refused in realm %s: %s", realm, e.getMessage());
        return Uni.createFrom().item(new ProtocolResponse.ErrorPage(400, INVALID));
    }
}
