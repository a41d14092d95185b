package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.config.SamlSsoConfig;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.IdentityAssertingAdapter;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolRequest;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.port.SamlSessionParticipants;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.oauth2.AuthorizationResponses;
import dev.arbor.federation.protocol.oauth2.OAuth2Errors;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opensaml.saml.saml2.core.Response;

/**
 * SAML 2.0 Web Browser SSO (SAML Profiles §4.1) on the protocol-neutral core. Requests do not come
 * through {@link #parse}: checking an AuthnRequest needs the SP's metadata, looked up asynchronously,
 * so {@link SamlSsoEndpoint} decodes and checks it and starts the flow itself; {@link #parse} is
 * always "not mine" (OIDC parameters are never SAML's). Answers are Responses delivered to the
 * registered ACS the flow kept, by the ACS's binding: auto-posted (HTTP-POST, SAML Bindings §3.5) or by
 * artifact (HTTP-Artifact, §3.6, {@link HttpArtifactBinding}).
 */
@ApplicationScoped
public class SamlProtocolAdapter implements IdentityAssertingAdapter {
    public static final String PROTOCOL = "saml2";
    static final String REQUEST_ID = "saml_request_id";
    static final String RELAY_STATE = "relay_state";
    static final String NAME_ID_FORMAT = "name_id_format";
    static final String ACS_BINDING = "acs_binding";

    private final ServiceProviderRegistry registry;
    private final SamlCredentials credentials;
    private final SamlSessionParticipants participants;
    private final SamlResponseBuilder builder;
    private final HttpArtifactBinding artifacts;
    private final Clock clock;
    private final byte[] persistentKey;

    public SamlProtocolAdapter(ServiceProviderRegistry registry, SamlCredentials credentials,
                               SamlSessionParticipants participants, SamlSsoConfig config, ArborConfig arbor,
                               HttpArtifactBinding artifacts, Clock clock) {
        this.registry = registry;
        this.credentials = credentials;
        this.participants = participants;
        this.builder = new SamlResponseBuilder(config.assertionLifetime());
        this.artifacts = artifacts;
        this.clock = clock;
        this.persistentKey = config.persistentNameIdKey().map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> derive(arbor.federation().clientSecretPepper()));
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public Optional<ProtocolRequest> parse(Map<String, String> parameters) {
        return Optional.empty();
    }

    @Override
    public Optional<ProtocolError> validate(ProtocolRequest request, Client client) {
        return Optional.empty(); // checked against the SP by AuthnRequestValidator
    }

    @Override
    public ProtocolResponse authenticated(LoginFlow flow, String issuer, String artifact) {
        throw new IllegalStateException("SAML flows complete through assertIdentity");
    }

    /** The flow's request, as the core keeps it. */
    static ProtocolRequest toProtocolRequest(SamlAuthnRequest request) {
        Map<String, String> kept = new HashMap<>();
        if (request.id() != null) { // IdP-initiated: unsolicited, no InResponseTo (SAML Profiles §4.1.5)
            kept.put(REQUEST_ID, request.id());
        }
        if (request.relayState() != null) {
            kept.put(RELAY_STATE, request.relayState());
        }
        if (request.nameIdFormat() != null) {
            kept.put(NAME_ID_FORMAT, request.nameIdFormat().uri());
        }
        kept.put(ACS_BINDING, request.acs().binding().name());
        return new ProtocolRequest(request.spEntityId(), request.acs().location(), request.tree(),
                request.forceAuthn(), request.passive(), null, kept);
    }

    /** Never called: a SAML Response is signed with the realm's key first, which {@link #failedAsync} looks up. */
    @Override
    public ProtocolResponse failed(ProtocolRequest request, String issuer, ProtocolError error) {
        throw new IllegalStateException("a SAML Response is signed with the realm's key first: use failedAsync");
    }

    /** A core failure (no session for IsPassive, no identity) as a signed status at the ACS, with no assertion. */
    @Override
    public CompletionStage<ProtocolResponse> failedAsync(String realm, ProtocolRequest request, String issuer,
                                                         ProtocolError error) {
        return credentials.signing(realm).chain(key -> {
            Response response = failure(request, issuer, error);
            SamlResponseProtector.sign(response, key);
            return deliver(request, issuer, response);
        }).subscribeAsCompletionStage();
    }

    private Response failure(ProtocolRequest request, String issuer, ProtocolError error) {
        SamlStatus status = switch (error.code()) {
            case OAuth2Errors.LOGIN_REQUIRED -> SamlStatus.responder(SamlStatus.NO_PASSIVE, "the user is not logged in");
            case OAuth2Errors.ACCESS_DENIED -> SamlStatus.responder(SamlStatus.REQUEST_DENIED, "access denied");
            default -> SamlStatus.responder(SamlStatus.AUTHN_FAILED, "the user could not be authenticated");
        };
        return builder.failure(issuer, request.responseTo(), request.parameter(REQUEST_ID), status, clock.instant());
    }

    @Override
    public CompletionStage<ProtocolResponse> assertIdentity(LoginFlow flow, SsoSession session,
                                                            Map<String, String> claims, String issuer) {
        ProtocolRequest kept = flow.request();
        return registry.find(flow.realm(), flow.clientId()).chain(found -> credentials.signing(flow.realm())
                .chain(key -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item((ProtocolResponse) new ProtocolResponse.ErrorPage(400,
                                "The service provider is no longer registered."));
                    }
                    var sp = found.get();
                    SamlAuthnRequest request = new SamlAuthnRequest(kept.parameter(REQUEST_ID), sp.entityId(),
                            new SamlEndpoint(SamlBinding.HTTP_POST, kept.responseTo(), null, false, null),
                            kept.parameter(RELAY_STATE), NameIdFormat.of(kept.parameter(NAME_ID_FORMAT)).orElse(null),
                            kept.forceLogin(), kept.passive(), kept.tree(), clock.instant());
                    var name = SamlResponseBuilder.nameFor(request, sp, session.subject(), claims, persistentKey);
                    if (name.isEmpty()) {
                        Response response = builder.failure(issuer, kept.responseTo(), request.id(),
                                SamlStatus.requester(SamlStatus.INVALID_NAME_ID_POLICY,
                                        "the user has no value for the NameID"), clock.instant());
                        SamlResponseProtector.sign(response, key);
                        return deliver(kept, issuer, response);
                    }
                    Response response = SamlResponseProtector.protect(builder.success(issuer, sp, request, session,
                            name.get(), claims, clock.instant()), key, sp);
                    // SAML Profiles §4.4.3.3: what the SP was told, to match its LogoutRequest and to log it out
                    return participants.record(flow.realm(), SamlResponseBuilder.participant(issuer, sp, session,
                                    name.get()), Instant.ofEpochSecond(session.expiresAt()))
                            .chain(() -> deliver(kept, issuer, response));
                })).subscribeAsCompletionStage();
    }

    /** A status answer for a request refused after it was trusted, signed with the realm key. */
    Uni<ProtocolResponse> refused(SamlAuthnRequest request, SamlStatus status, String issuer,
                                  dev.arbor.federation.domain.saml2.SamlKeyPair key) {
        Response response = builder.failure(issuer, request.acs().location(), request.id(), status, clock.instant());
        SamlResponseProtector.sign(response, key);
        return deliver(toProtocolRequest(request), issuer, response);
    }

    /** The Response to the flow's ACS, by the ACS's binding: by artifact (SAML Bindings §3.6) or posted (§3.5). */
    private Uni<ProtocolResponse> deliver(ProtocolRequest request, String issuer, Response response) {
        if (byArtifact(request)) {
            return artifacts.send(issuer, request.clientId(), request.responseTo(), request.parameter(RELAY_STATE),
                    response);
        }
        return Uni.createFrom().item(post(request, issuer, response));
    }

    private static boolean byArtifact(ProtocolRequest request) {
        return SamlBinding.HTTP_ARTIFACT.name().equals(request.parameter(ACS_BINDING));
    }

    /** SAML Bindings §3.5.4 — an auto-posting form with SAMLResponse and the RelayState as received. */
    private static ProtocolResponse post(ProtocolRequest request, String issuer, Response response) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SAMLResponse", SamlResponseProtector.encodeForPost(response));
        String relayState = request.parameter(RELAY_STATE);
        if (relayState != null) {
            form.put("RelayState", relayState);
        }
        return new ProtocolResponse.FormPost(request.responseTo(), form,
                issuer + "/" + AuthorizationResponses.SCRIPT_PATH);
    }

    private static byte[] derive(String pepper) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("arbor saml2 persistent NameID key v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
