package dev.arbor.federation.protocol.saml2;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.saml.saml2.core.StatusResponseType;

/**
 * The checks every protocol message an SP sends shares (AuthnRequest, LogoutRequest, LogoutResponse):
 * SAML Core §3.2.1 / §3.2.2 (Version, ID, IssueInstant, Destination, Issuer). A failure is an
 * {@link InvalidSamlRequest}: nothing in the message can be believed.
 */
final class SamlMessageChecks {
    private static final String ENTITY_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    /** xs:ID is an NCName; a bound on the length keeps it a sane storage key. */
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,255}");

    private SamlMessageChecks() {
    }

    /** SAML Profiles §4.1.4.1 / §4.4.4: the Issuer MUST be present, an entity, the SP's entityID. */
    static String issuer(Issuer issuer, String what) {
        if (issuer == null || issuer.getValue() == null || issuer.getValue().isBlank()) {
            throw new InvalidSamlRequest("the " + what + " has no Issuer");
        }
        if (issuer.getFormat() != null && !issuer.getFormat().equals(ENTITY_FORMAT)) {
            throw new InvalidSamlRequest("the Issuer is not an entity");
        }
        return issuer.getValue().strip();
    }

    static void versionAndId(RequestAbstractType request) {
        versionAndId(request.getVersion(), request.getID());
    }

    static void versionAndId(StatusResponseType response) {
        versionAndId(response.getVersion(), response.getID());
    }

    private static void versionAndId(SAMLVersion version, String id) {
        if (version == null || !SAMLVersion.VERSION_20.equals(version)) {
            throw new InvalidSamlRequest("Version must be 2.0");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidSamlRequest("the ID is missing or malformed");
        }
    }

    /**
     * IssueInstant no later than now + skew, no earlier than now − maxAge − skew.
     *
     * @return the instant, for the replay cache's lifetime
     */
    static Instant issueInstant(Instant issued, Instant now, Duration clockSkew, Duration maxAge) {
        if (issued == null || issued.isAfter(now.plus(clockSkew)) || issued.isBefore(now.minus(maxAge).minus(clockSkew))) {
            throw new InvalidSamlRequest("IssueInstant is outside the accepted window");
        }
        return issued;
    }

    /** SAML Bindings §3.4.5.2 / §3.5.5.2: a signed message MUST name its Destination, and it must be this endpoint. */
    static void destination(String destination, boolean signed, String endpointUrl, String what) {
        if (destination == null) {
            if (signed) {
                throw new InvalidSamlRequest("a signed " + what + " must have a Destination");
            }
            return;
        }
        if (!destination.equals(endpointUrl)) {
            throw new InvalidSamlRequest("the Destination is not this endpoint");
        }
    }
}
