package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.LoginFlows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * SAML Profiles §4.1.5 — IdP-initiated SSO ({@code GET /realms/{realm}/saml2/sso/init?sp=&RelayState=&acs=}):
 * an unsolicited Response, without {@code InResponseTo}, to a registered SP whose setting
 * {@code allowIdpInitiated} is on. The flow is the SP-initiated one from {@link LoginFlows#start} on (the SSO
 * session, the login journey with the realm's default tree, the same Response), only with no request ID.
 *
 * <p>Anyone can link a user's browser here (the profile has no request to authenticate), so an SP
 * must be ready to receive logins it did not ask for: that is why the setting is off by default.
 * Every refusal is a 400 error page, never a post.
 */
@ApplicationScoped
public class IdpInitiatedSsoEndpoint {
    private static final Logger LOG = Logger.getLogger(IdpInitiatedSsoEndpoint.class);
    private static final String INVALID = "The sign-in link cannot be used (Invalid Request).";
    private static final Set<String> PARAMETERS = Set.of("sp", "RelayState", "acs");
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");

    private final ServiceProviderRegistry registry;
    private final SamlProtocolAdapter adapter;
    private final LoginFlows loginFlows;

    public IdpInitiatedSsoEndpoint(ServiceProviderRegistry registry, SamlProtocolAdapter adapter,
                                   LoginFlows loginFlows) {
        this.registry = registry;
        this.adapter = adapter;
        this.loginFlows = loginFlows;
    }

    /** The link's parameters, each at most once. */
    record InitRequest(String sp, String relayState, Integer acsIndex) {
    }

    /**
     * @param rawQuery  the query as received, still URL-encoded
     * @param sessionId the {@code arbor_session} cookie, or null
     */
    public Uni<ProtocolResponse> handle(String realm, String rawQuery, String sessionId) {
        InitRequest init;
        try {
            init = parse(rawQuery);
        } catch (InvalidSamlRequest e) {
            return invalid(realm, e);
        }
        return registry.find(realm, init.sp()).chain(found -> {
            SamlAuthnRequest request;
            try {
                request = unsolicited(found, init);
            } catch (InvalidSamlRequest e) {
                return invalid(realm, e);
            }
            // no RequestedAuthnContext: any SSO session of the realm will do, as for an SP-initiated request without one
            return loginFlows.start(realm, adapter, SamlProtocolAdapter.toProtocolRequest(request), sessionId,
                    s -> true);
        });
    }

    /** {@code sp} once (required), {@code RelayState} and {@code acs} at most once; others are ignored. */
    static InitRequest parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        HttpRedirectBinding.rawParameters(rawQuery, PARAMETERS).forEach((name, value) -> {
            if (PARAMETERS.contains(name)) {
                values.put(name, HttpRedirectBinding.urlDecode(value));
            }
        });
        String sp = values.get("sp");
        if (sp == null || sp.isBlank()) {
            throw new InvalidSamlRequest("the query names no sp");
        }
        String relayState = values.get("RelayState");
        HttpRedirectBinding.checkRelayState(relayState); // the Response's binding (HTTP-POST, §3.5.3) carries it
        String acs = values.get("acs");
        if (acs != null && !INDEX.matcher(acs).matches()) {
            throw new InvalidSamlRequest("acs is not an index");
        }
        return new InitRequest(sp, relayState, acs == null ? null : Integer.valueOf(acs));
    }

    /** The SP must be registered and allow it; the ACS is its indexed or default HTTP-POST one, never a URL. */
    private static SamlAuthnRequest unsolicited(Optional<ServiceProvider> found, InitRequest init) {
        ServiceProvider sp = found.orElseThrow(() -> new InvalidSamlRequest("sp is not a registered SP"));
        if (!sp.settings().allowIdpInitiated()) {
            throw new InvalidSamlRequest("the SP does not allow IdP-initiated SSO");
        }
        SamlEndpoint acs = postAcs(sp, init.acsIndex()).orElseThrow(() -> new InvalidSamlRequest(
                init.acsIndex() == null ? "the SP has no HTTP-POST ACS" : "acs is not an HTTP-POST ACS of the SP"));
        return new SamlAuthnRequest(null, sp.entityId(), acs, init.relayState(), null, false, false, "", null);
    }

    /** The HTTP-POST ACS with that index, else the SP's default HTTP-POST ACS. */
    static Optional<SamlEndpoint> postAcs(ServiceProvider sp, Integer index) {
        if (index != null) {
            return sp.assertionConsumerService(null, index, null).filter(e -> e.binding() == SamlBinding.HTTP_POST);
        }
        return sp.defaultAssertionConsumerService(SamlBinding.HTTP_POST);
    }

    private static Uni<ProtocolResponse> invalid(String realm, InvalidSamlRequest e) {
        LOG.infof("IdP-initiated SSO refused in realm %s: %s", realm, e.getMessage());
        return Uni.createFrom().item(new ProtocolResponse.ErrorPage(400, INVALID));
    }
}
