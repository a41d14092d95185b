package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

/**
 * SAML Core §3.4.1 and Profiles §4.1.4.1 — checks an AuthnRequest from a registered SP. First what
 * makes it trustworthy (signature, version, freshness, destination, a registered ACS); failures there
 * are {@link InvalidSamlRequest}s, answered with an error page because nothing in the request can be
 * believed. Then what the SP asks for (binding, NameID policy, authentication context); refusals
 * there go back to the registered ACS as a SAML status. The request ID is checked for replay by the
 * caller (it needs the shared cache), for {@link SamlAuthnRequest#rememberUntil()}.
 */
public final class AuthnRequestValidator {
    private final Duration clockSkew;
    private final Duration maxAge;

    /**
     * @param clockSkew how far the SP's clock may be off (IssueInstant in the future, or later than maxAge)
     * @param maxAge    how old a request may be when it arrives (time to pass through the browser)
     */
    public AuthnRequestValidator(Duration clockSkew, Duration maxAge) {
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
    }

    /** Parses the hardened way ({@link SamlXml}); anything but an AuthnRequest is refused. */
    public static AuthnRequest parse(ReceivedMessage message) {
        try {
            return SamlXml.unmarshall(message.xml(), AuthnRequest.class);
        } catch (SamlXml.SamlXmlException e) {
            throw new InvalidSamlRequest(e.getMessage());
        }
    }

    /** The Issuer: the SP's entityID, to look it up (SAML Profiles §4.1.4.1: the Issuer MUST be present). */
    public static String issuer(AuthnRequest request) {
        return SamlMessageChecks.issuer(request.getIssuer(), "AuthnRequest");
    }

    /**
     * @param sp     the SP the Issuer names
     * @param ssoUrl this realm's SSO endpoint, the only acceptable Destination
     */
    public AuthnRequestCheck check(ReceivedMessage message, AuthnRequest request, ServiceProvider sp, String ssoUrl,
                                   Instant now) {
        boolean signed = RequestSignatureVerifier.verify(message, request, sp.signingCertificates());
        if (!signed && sp.settings().requireSignedAuthnRequests()) {
            throw new InvalidSamlRequest("the SP must sign its AuthnRequests");
        }
        SamlMessageChecks.versionAndId(request);
        Instant issued = SamlMessageChecks.issueInstant(request.getIssueInstant(), now, clockSkew, maxAge);
        SamlMessageChecks.destination(request.getDestination(), signed, ssoUrl, "AuthnRequest");
        AcsChoice choice = chooseAcs(request, sp);
        SamlAuthnRequest accepted = new SamlAuthnRequest(request.getID(), sp.entityId(), choice.acs(),
                message.relayState(), null, Boolean.TRUE.equals(request.isForceAuthn()),
                Boolean.TRUE.equals(request.isPassive()), "", issued.plus(maxAge).plus(clockSkew).plus(clockSkew));
        if (choice.status() != null) {
            return new AuthnRequestCheck.Refused(accepted, choice.status());
        }
        if (request.getSubject() != null) {
            return new AuthnRequestCheck.Refused(accepted, SamlStatus.requester(SamlStatus.REQUEST_UNSUPPORTED,
                    "a Subject in the AuthnRequest is not supported"));
        }
        NameIdFormat format;
        try {
            format = nameIdFormat(request.getNameIDPolicy(), sp);
        } catch (IllegalArgumentException e) {
            return new AuthnRequestCheck.Refused(accepted,
                    SamlStatus.requester(SamlStatus.INVALID_NAME_ID_POLICY, e.getMessage()));
        }
        Optional<String> tree = tree(request.getRequestedAuthnContext(), sp.settings().authnContextTrees());
        if (tree.isEmpty()) {
            return new AuthnRequestCheck.Refused(accepted, SamlStatus.requester(SamlStatus.NO_AUTHN_CONTEXT,
                    "the requested authentication context is not offered"));
        }
        return new AuthnRequestCheck.Accepted(new SamlAuthnRequest(accepted.id(), accepted.spEntityId(),
                accepted.acs(), accepted.relayState(), format, accepted.forceAuthn(), accepted.passive(), tree.get(),
                accepted.rememberUntil()));
    }

    private record AcsChoice(SamlEndpoint acs, SamlStatus status) {
    }

    /**
     * SAML Core §3.4.1: AssertionConsumerServiceURL (exact, registered) or AssertionConsumerServiceIndex
     * (registered), not both; with neither the default. The Response goes by the binding the request
     * names in ProtocolBinding, HTTP-POST or HTTP-Artifact, to an ACS registered for it: the one the URL
     * names with that binding, the indexed one if its binding is that one, or the SP's default ACS of
     * that binding. Without ProtocolBinding, the binding of the ACS named (or of the default ACS) is used.
     * Any other binding, or an index registered for another binding, is answered with UnsupportedBinding
     * at the SP's default HTTP-POST ACS (its default ACS if it has none).
     */
    private static AcsChoice chooseAcs(AuthnRequest request, ServiceProvider sp) {
        String url = request.getAssertionConsumerServiceURL();
        Integer index = request.getAssertionConsumerServiceIndex();
        if (url != null && index != null) {
            throw new InvalidSamlRequest("AssertionConsumerServiceURL and AssertionConsumerServiceIndex are exclusive");
        }
        Optional<SamlEndpoint> named = sp.assertionConsumerService(url, index, null);
        if (named.isEmpty()) {
            throw new InvalidSamlRequest("the AssertionConsumerService is not registered for the SP");
        }
        String asked = request.getProtocolBinding();
        if (asked == null) {
            return new AcsChoice(named.get(), null);
        }
        Optional<SamlBinding> binding = SamlBinding.of(asked)
                .filter(b -> b == SamlBinding.HTTP_POST || b == SamlBinding.HTTP_ARTIFACT);
        if (binding.isPresent()) {
            if (named.get().binding() == binding.get()) {
                return new AcsChoice(named.get(), null);
            }
            // the URL may be registered for this binding too, under another entry; no URL nor index: the default
            Optional<SamlEndpoint> other = url != null ? sp.assertionConsumerService(url, null, binding.get())
                    : index == null ? sp.defaultAssertionConsumerService(binding.get()) : Optional.empty();
            if (other.isPresent()) {
                return new AcsChoice(other.get(), null);
            }
        }
        return new AcsChoice(fallback(sp), SamlStatus.requester(SamlStatus.UNSUPPORTED_BINDING,
                "responses are sent by HTTP-POST or HTTP-Artifact, to an ACS registered for that binding"));
    }

    /** Where an UnsupportedBinding status goes: the SP's default HTTP-POST ACS, else its default ACS. */
    private static SamlEndpoint fallback(ServiceProvider sp) {
        return sp.defaultAssertionConsumerService(SamlBinding.HTTP_POST)
                .or(() -> sp.assertionConsumerService(null, null, null))
                .orElseThrow(() -> new InvalidSamlRequest("the SP has no usable AssertionConsumerService"));
    }

    /**
     * SAML Core §3.4.1.1 — the NameID format asked for; unspecified (or none) leaves it to the SP's
     * settings. An SPNameQualifier other than the SP itself would be an affiliation: not supported.
     */
    private static NameIdFormat nameIdFormat(NameIDPolicy policy, ServiceProvider sp) {
        if (policy == null) {
            return null;
        }
        if (policy.getSPNameQualifier() != null && !policy.getSPNameQualifier().equals(sp.entityId())) {
            throw new IllegalArgumentException("SPNameQualifier must be the SP itself");
        }
        String format = policy.getFormat();
        if (format == null || format.equals(NameIdFormat.UNSPECIFIED.uri())) {
            return null;
        }
        return NameIdFormat.of(format)
                .orElseThrow(() -> new IllegalArgumentException("NameID format not supported: " + format));
    }

    /**
     * SAML Core §3.3.2.2.1 — RequestedAuthnContext to the tree that satisfies it. The contexts are not
     * ordered here, so exact, minimum and maximum are each met by a tree mapped to one of the listed
     * classes exactly; better (strictly stronger) and declaration references cannot be met.
     *
     * @return the tree ("" when nothing was requested); empty when the request cannot be met
     */
    static Optional<String> tree(RequestedAuthnContext requested, Map<String, String> trees) {
        if (requested == null) {
            return Optional.of("");
        }
        if (requested.getComparison() == AuthnContextComparisonTypeEnumeration.BETTER
                || !requested.getAuthnContextDeclRefs().isEmpty()) {
            return Optional.empty();
        }
        List<AuthnContextClassRef> classes = requested.getAuthnContextClassRefs();
        return classes.stream().map(AuthnContextClassRef::getURI).filter(uri -> uri != null && trees.containsKey(uri))
                .map(trees::get).findFirst();
    }
}
