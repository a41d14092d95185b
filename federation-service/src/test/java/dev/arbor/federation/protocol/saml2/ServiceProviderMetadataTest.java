package dev.arbor.federation.protocol.saml2;

import static dev.arbor.federation.protocol.saml2.TestMetadata.LOCAL_SP;
import static dev.arbor.federation.protocol.saml2.TestMetadata.SHIBBOLETH_SP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.saml2.AssertionEncryption;
import dev.arbor.federation.domain.saml2.AttributeRelease;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.protocol.saml2.ServiceProviderSettingsJson.Requested;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceProviderMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceProvider read(String xml, String settingsJson) throws Exception {
        return ServiceProviderMetadata.read("demo", xml, ServiceProviderSettingsJson.read(JSON.readTree(settingsJson), Set.of()));
    }

    private static String refusal(String xml, String settingsJson) {
        return assertThrows(ServiceProviderMetadata.InvalidMetadata.class, () -> read(xml, settingsJson)).getMessage();
    }

    private static String cn(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    @Test
    void shibbolethShapedMetadataGivesItsEndpointsKeysNameAndFlags() throws Exception {
        ServiceProvider sp = read(SHIBBOLETH_SP, "{}");

        assertEquals("https://sp.example.org/shibboleth", sp.entityId());
        assertEquals("Example Wiki", sp.name(), "mdui:DisplayName, English preferred");
        assertEquals(List.of(
                new SamlEndpoint(SamlBinding.HTTP_POST, "https://sp.example.org/Shibboleth.sso/SAML2/POST", 1, true, null),
                new SamlEndpoint(SamlBinding.HTTP_ARTIFACT, "https://sp.example.org/Shibboleth.sso/SAML2/Artifact", 3, false, null)),
                sp.assertionConsumerServices(), "SimpleSign, PAOS and SAML 1 ACS are ignored");
        assertEquals(List.of(SamlBinding.SOAP, SamlBinding.HTTP_REDIRECT, SamlBinding.HTTP_POST),
                sp.singleLogoutServices().stream().map(SamlEndpoint::binding).toList(), "Artifact SLO ignored");
        assertEquals("https://sp.example.org/Shibboleth.sso/SLO/POST/Response",
                sp.singleLogoutService(SamlBinding.HTTP_POST).orElseThrow().responseLocationOrLocation());
        assertEquals(List.of("CN=sp.example.org sig", "CN=sp.example.org other"),
                sp.signingCertificates().stream().map(ServiceProviderMetadataTest::cn).toList(),
                "a key without use signs too");
        assertEquals(List.of("CN=sp.example.org enc", "CN=sp.example.org other"),
                sp.encryptionCertificates().stream().map(ServiceProviderMetadataTest::cn).toList());
        assertTrue(sp.wantAssertionsSigned());
        assertEquals(NameIdFormat.TRANSIENT, sp.settings().nameIdFormat(), "the metadata's first format when settings name none");
        assertTrue(sp.settings().requireSignedAuthnRequests(), "AuthnRequestsSigned=false does not switch the check off");
        assertTrue(sp.settings().signAssertion());
        assertEquals(SHIBBOLETH_SP, sp.metadataXml());
    }

    @Test
    void onlyAnExplicitSettingSwitchesOffSignedRequestsAndOnlyWhenTheMetadataDoesNotAskForThem() throws Exception {
        assertFalse(read(SHIBBOLETH_SP, "{\"requireSignedAuthnRequests\": false}").settings().requireSignedAuthnRequests());

        assertTrue(read(LOCAL_SP, "{\"requireSignedAuthnRequests\": false}").settings().requireSignedAuthnRequests(),
                "AuthnRequestsSigned=\"true\" in metadata wins over the setting");
    }

    @Test
    void wantAssertionsSignedForcesTheAssertionSignature() throws Exception {
        ServiceProvider sp = read(SHIBBOLETH_SP, "{\"signAssertion\": false, \"signResponse\": true}");

        assertTrue(sp.settings().signAssertion());
        assertTrue(sp.settings().signResponse());
    }

    @Test
    void settingsOverrideTheMetadataDefaultsAndRoundTripThroughTheirJson() throws Exception {
        ServiceProvider sp = read(SHIBBOLETH_SP, """
                {"signResponse": true, "encryptAssertion": "aes256-cbc", "nameIdFormat": "email",
                 "nameIdAttribute": "mail", "allowIdpInitiated": true,
                 "attributes": [{"claim": "email", "name": "urn:oid:0.9.2342.19200300.100.1.3", "nameFormat": "uri",
                                 "friendlyName": "mail"}, {"claim": "name", "name": "displayName", "nameFormat": "basic"}],
                 "authnContext": {"urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken": "password-otp"}}""");

        assertEquals(AssertionEncryption.AES256_CBC_RSA_OAEP_MGF1P, sp.settings().encryption());
        assertEquals(NameIdFormat.EMAIL, sp.settings().nameIdFormat());
        assertEquals("mail", sp.settings().nameIdAttribute());
        assertTrue(sp.settings().allowIdpInitiated());
        assertEquals(new AttributeRelease("email", "urn:oid:0.9.2342.19200300.100.1.3", AttributeRelease.URI_FORMAT, "mail"),
                sp.settings().attributes().getFirst());
        assertEquals(AttributeRelease.BASIC_FORMAT, sp.settings().attributes().get(1).nameFormat());
        assertEquals(Map.of("urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken", "password-otp"),
                sp.settings().authnContextTrees());

        JsonNode written = ServiceProviderSettingsJson.write(sp.settings());
        Requested reread = ServiceProviderSettingsJson.read(written, Set.of());
        assertEquals(sp.settings(), ServiceProviderMetadata.read("demo", SHIBBOLETH_SP, reread).settings());
    }

    @Test
    void anEntitiesDescriptorWithOneServiceProviderIsAccepted() throws Exception {
        String group = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + LOCAL_SP + "</md:EntitiesDescriptor>";

        assertEquals(TestMetadata.LOCAL_ENTITY_ID, read(group, "{}").entityId());
    }

    @Test
    void loopbackHttpIsAllowedForADevelopersServiceProvider() throws Exception {
        ServiceProvider sp = read(LOCAL_SP, "{}");

        assertEquals("http://localhost:7070/saml/acs", sp.assertionConsumerServices().getFirst().location());
        assertNull(sp.singleLogoutService(SamlBinding.HTTP_REDIRECT).orElse(null));
        assertEquals(TestMetadata.LOCAL_ENTITY_ID, sp.name(), "no display name: the entity ID");
    }

    @Test
    void aDoctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + LOCAL_SP.replace("http://localhost:7070/saml/acs", "&x;");

        assertTrue(refusal(xxe, "{}").contains("DOCTYPE"));
    }

    @Test
    void metadataWithoutAServiceProviderDescriptorIsRefused() {
        String idp = LOCAL_SP.replace("md:SPSSODescriptor", "md:IDPSSODescriptor").replace(" AuthnRequestsSigned=\"true\"", "")
                .replace("md:AssertionConsumerService", "md:SingleSignOnService").replace(" index=\"0\"", "");

        assertTrue(refusal(idp, "{}").contains("no SPSSODescriptor"), refusal(idp, "{}"));
        assertTrue(refusal("<x/>", "{}").contains("not a SAML"), refusal("<x/>", "{}"));
        assertTrue(refusal("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + LOCAL_SP + TestMetadata.localSp("https://second.example/") + "</md:EntitiesDescriptor>", "{}")
                .contains("exactly one service provider"));
    }

    @Test
    void metadataWithoutAPostOrArtifactConsumerServiceIsRefused() {
        String paosOnly = LOCAL_SP.replace("bindings:HTTP-POST", "bindings:PAOS");

        assertTrue(refusal(paosOnly, "{}").contains("no AssertionConsumerService"), refusal(paosOnly, "{}"));
    }

    @Test
    void aConsumerServiceOverPlainHttpToAnotherHostIsRefused() {
        String plain = LOCAL_SP.replace("http://localhost:7070/saml/acs", "http://sp.example.org/acs");

        assertTrue(refusal(plain, "{}").contains("must use https"), refusal(plain, "{}"));
        assertTrue(refusal(LOCAL_SP.replace("http://localhost:7070/saml/acs", "/relative/acs"), "{}")
                .contains("absolute URL"));
        assertTrue(refusal(LOCAL_SP.replace("http://localhost:7070/saml/acs", "http://localhost.evil.example/acs"), "{}")
                .contains("must use https"));
    }

    @Test
    void twoConsumerServicesWithOneIndexAreRefused() {
        String duplicate = SHIBBOLETH_SP.replace("index=\"3\"", "index=\"1\"");

        assertTrue(refusal(duplicate, "{}").contains("index 1"), refusal(duplicate, "{}"));
    }

    @Test
    void anUnparsableCertificateIsRefused() {
        String broken = LOCAL_SP.replaceFirst("<ds:X509Certificate>MII", "<ds:X509Certificate>AAAAMII");

        assertTrue(refusal(broken, "{}").contains("cannot be parsed"), refusal(broken, "{}"));
    }

    @Test
    void settingsThatCannotWorkWithTheMetadataAreRefused() {
        String unsignedSp = LOCAL_SP.replaceAll("(?s)<md:KeyDescriptor.*?</md:KeyDescriptor>", "")
                .replace(" AuthnRequestsSigned=\"true\"", "");

        assertTrue(refusal(unsignedSp, "{}").contains("no signing key"), "signed requests by default, and no key to check them");
        assertTrue(refusal(unsignedSp, "{\"requireSignedAuthnRequests\": false, \"encryptAssertion\": \"aes256-gcm\"}")
                .contains("no encryption key"));
        assertTrue(refusal(LOCAL_SP, "{\"signAssertion\": false}").contains("at least one"));
    }

    @Test
    void unknownOrMalformedSettingsAreRefusedWithTheirName() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> read(LOCAL_SP, "{\"signAssertions\": true}"));
        assertTrue(unknown.getMessage().contains("unknown setting signAssertions"), unknown.getMessage());
        var badEncryption = assertThrows(IllegalArgumentException.class, () -> read(LOCAL_SP, "{\"encryptAssertion\": \"des\"}"));
        assertTrue(badEncryption.getMessage().contains("encryptAssertion des"), badEncryption.getMessage());
        var badFlag = assertThrows(IllegalArgumentException.class, () -> read(LOCAL_SP, "{\"signResponse\": \"yes\"}"));
        assertTrue(badFlag.getMessage().contains("signResponse must be true or false"), badFlag.getMessage());
        var badFormat = assertThrows(IllegalArgumentException.class, () -> read(LOCAL_SP, "{\"nameIdFormat\": \"x509\"}"));
        assertTrue(badFormat.getMessage().contains("nameIdFormat x509"), badFormat.getMessage());
    }
}
