package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.domain.saml2.AttributeRelease;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlParticipant;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * SAML Core §3.3.3 / Profiles §4.1.4.2 — the Response to an AuthnRequest, built through OpenSAML's
 * object model only, so every user-controlled value (attributes, NameID) is escaped by the
 * marshaller (NCC Group's SAML XML injection cannot happen). Signing and encryption are
 * {@link SamlResponseProtector}'s.
 */
public final class SamlResponseBuilder {
    public static final String UNSPECIFIED_CONTEXT = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";
    public static final String PASSWORD_PROTECTED_TRANSPORT =
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    private final Duration assertionLifetime;

    /** @param assertionLifetime how long the bearer assertion may be presented (NotOnOrAfter) */
    public SamlResponseBuilder(Duration assertionLifetime) {
        this.assertionLifetime = assertionLifetime;
    }

    /** The NameID this IdP issues: its format URI and value. */
    public record Name(NameIdFormat format, String value) {
    }

    /**
     * The NameID for a request: the format asked for, else the SP's; empty when the user has no value
     * for it (answer {@code InvalidNameIDPolicy}).
     */
    public static Optional<Name> nameFor(SamlAuthnRequest request, ServiceProvider sp, String subject,
                                         Map<String, String> claims, byte[] persistentKey) {
        NameIdFormat format = request.nameIdFormat() != null ? request.nameIdFormat() : sp.settings().nameIdFormat();
        return NameIds.value(format, persistentKey, sp.realm(), sp.entityId(), subject, claims,
                sp.settings().nameIdAttribute()).map(v -> new Name(format, v));
    }

    /**
     * What the SP is told in {@link #success}: the NameID as it is issued there (qualifiers included)
     * and the SessionIndex, for Single Logout.
     */
    public static SamlParticipant participant(String issuer, ServiceProvider sp, SsoSession session, Name name) {
        boolean qualified = name.format() == NameIdFormat.PERSISTENT || name.format() == NameIdFormat.TRANSIENT;
        return new SamlParticipant(sp.entityId(), session.sid(), session.subject(), name.value(), name.format().uri(),
                qualified ? issuer : null, qualified ? sp.entityId() : null, session.sid());
    }

    /**
     * A successful Response with one Assertion about the session's user. Without a request ID (IdP-initiated,
     * SAML Profiles §4.1.5) neither the Response nor the SubjectConfirmationData carries {@code InResponseTo}.
     */
    public Response success(String issuer, ServiceProvider sp, SamlAuthnRequest request, SsoSession session,
                            Name name, Map<String, String> claims, Instant now) {
        Response response = response(issuer, request.acs().location(), request.id(), SamlStatus.success(), now);
        response.getAssertions().add(assertion(issuer, sp, request, session, name, claims, now));
        return response;
    }

    /** A Response with a non-success status and no assertion. */
    public Response failure(String issuer, String acs, String inResponseTo, SamlStatus status, Instant now) {
        return response(issuer, acs, inResponseTo, status, now);
    }

    private static Response response(String issuer, String destination, String inResponseTo, SamlStatus status,
                                     Instant now) {
        Response response = build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(SamlIds.newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(now);
        response.setDestination(destination);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer(issuer));
        response.setStatus(status(status));
        return response;
    }

    private Assertion assertion(String issuer, ServiceProvider sp, SamlAuthnRequest request, SsoSession session,
                                Name name, Map<String, String> claims, Instant now) {
        Instant notOnOrAfter = now.plus(assertionLifetime);
        Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(SamlIds.newId());
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(now);
        assertion.setIssuer(issuer(issuer));

        NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(name.format().uri());
        nameId.setValue(name.value());
        if (name.format() == NameIdFormat.PERSISTENT || name.format() == NameIdFormat.TRANSIENT) {
            nameId.setNameQualifier(issuer);
            nameId.setSPNameQualifier(sp.entityId());
        }
        SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(request.acs().location());
        data.setNotOnOrAfter(notOnOrAfter);
        data.setInResponseTo(request.id()); // null: the attribute is left out (unsolicited)
        SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(BEARER);
        confirmation.setSubjectConfirmationData(data);
        Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
        subject.setNameID(nameId);
        subject.getSubjectConfirmations().add(confirmation);
        assertion.setSubject(subject);

        Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(now);
        conditions.setNotOnOrAfter(notOnOrAfter);
        Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(sp.entityId());
        AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        restriction.getAudiences().add(audience);
        conditions.getAudienceRestrictions().add(restriction);
        assertion.setConditions(conditions);

        AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(Instant.ofEpochSecond(session.authTime()));
        authn.setSessionIndex(session.sid()); // the public sid: the cookie value is a bearer secret
        if (session.expiresAt() > 0) {
            authn.setSessionNotOnOrAfter(Instant.ofEpochSecond(session.expiresAt()));
        }
        AuthnContextClassRef classRef = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI(contextClass(sp.settings().authnContextTrees(), session));
        AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
        context.setAuthnContextClassRef(classRef);
        authn.setAuthnContext(context);
        assertion.getAuthnStatements().add(authn);

        AttributeStatement attributes = attributes(sp.settings().attributes(), claims);
        if (!attributes.getAttributes().isEmpty()) {
            assertion.getAttributeStatements().add(attributes);
        }
        return assertion;
    }

    /**
     * The class the session's tree (its {@code acr}) is mapped to; a password-only session is
     * PasswordProtectedTransport (SAML AuthnContext §3.4.19; the IdP is served over TLS); else unspecified.
     */
    static String contextClass(Map<String, String> trees, SsoSession session) {
        Optional<String> mapped = trees.entrySet().stream()
                .filter(e -> e.getValue().equals(session.acr())).map(Map.Entry::getKey).sorted().findFirst();
        if (mapped.isPresent()) {
            return mapped.get();
        }
        return session.amr().equals(List.of("pwd")) ? PASSWORD_PROTECTED_TRANSPORT : UNSPECIFIED_CONTEXT;
    }

    /** SAML Core §2.7.3 — the released claims the user has, as xs:string values. */
    private static AttributeStatement attributes(List<AttributeRelease> releases, Map<String, String> claims) {
        AttributeStatement statement = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        for (AttributeRelease release : releases) {
            String value = claims.get(release.claim());
            if (value == null) {
                continue;
            }
            Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
            attribute.setName(release.name());
            attribute.setNameFormat(release.nameFormat());
            attribute.setFriendlyName(release.friendlyName());
            XSString text = (XSString) XMLObjectProviderRegistrySupport.getBuilderFactory()
                    .getBuilderOrThrow(XSString.TYPE_NAME)
                    .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
            text.setValue(value);
            attribute.getAttributeValues().add(text);
            statement.getAttributes().add(attribute);
        }
        return statement;
    }

    static Issuer issuer(String value) {
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        return issuer;
    }

    static Status status(SamlStatus value) {
        Status status = build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(value.code());
        if (value.secondLevel() != null) {
            StatusCode second = build(StatusCode.DEFAULT_ELEMENT_NAME);
            second.setValue(value.secondLevel());
            code.setStatusCode(second);
        }
        status.setStatusCode(code);
        if (value.message() != null) {
            StatusMessage message = build(StatusMessage.DEFAULT_ELEMENT_NAME);
            message.setValue(value.message());
            status.setStatusMessage(message);
        }
        return status;
    }

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName name) {
        SamlXml.parsers(); // OpenSAML initialised
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
    }
}
