package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.protocol.saml2.SamlXml;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SamlMetadataResourceTest {
    private static final String ISSUER = "http://localhost:8080/realms/demo";

    @Inject
    SamlCredentials credentials;

    private static String fetch(String query) {
        return given().when().get("/realms/demo/saml2/metadata" + query)
                .then().statusCode(200).contentType("application/samlmetadata+xml").extract().asString();
    }

    private static EntityDescriptor parse(String xml) {
        return SamlXml.unmarshall(xml.getBytes(StandardCharsets.UTF_8), EntityDescriptor.class);
    }

    private static List<String> endpoints(List<? extends Endpoint> endpoints) {
        return endpoints.stream().map(e -> e.getBinding() + " " + e.getLocation()).toList();
    }

    private static X509Certificate certificate(KeyDescriptor key) throws Exception {
        return KeyInfoSupport.getCertificates(key.getKeyInfo()).getFirst();
    }

    @Test
    void theRealmsIdpMetadataListsItsEndpointsFormatsAndCertificates() throws Throwable {
        EntityDescriptor entity = parse(fetch(""));

        assertEquals(ISSUER, entity.getEntityID());
        assertNull(entity.getSignature());
        Instant validUntil = entity.getValidUntil();
        assertTrue(validUntil.isAfter(Instant.now().plus(Duration.ofDays(6))) && validUntil.isBefore(Instant.now().plus(Duration.ofDays(8))));
        assertNotNull(entity.getCacheDuration());
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertTrue(idp.getWantAuthnRequestsSigned());
        assertEquals(List.of(SamlBinding.HTTP_REDIRECT.uri() + " " + ISSUER + "/saml2/sso",
                SamlBinding.HTTP_POST.uri() + " " + ISSUER + "/saml2/sso"), endpoints(idp.getSingleSignOnServices()));
        assertEquals(List.of(SamlBinding.HTTP_REDIRECT.uri() + " " + ISSUER + "/saml2/slo",
                SamlBinding.HTTP_POST.uri() + " " + ISSUER + "/saml2/slo"), endpoints(idp.getSingleLogoutServices()));
        assertEquals(List.of(SamlBinding.SOAP.uri() + " " + ISSUER + "/saml2/artifact"),
                endpoints(idp.getArtifactResolutionServices()));
        assertEquals(0, idp.getArtifactResolutionServices().getFirst().getIndex());
        assertEquals(List.of(NameIdFormat.values()).stream().map(NameIdFormat::uri).toList(),
                idp.getNameIDFormats().stream().map(NameIDFormat::getURI).toList());

        SamlKeyPair signing = VertxContextSupport.subscribeAndAwait(() -> credentials.signing("demo"));
        SamlKeyPair encryption = VertxContextSupport.subscribeAndAwait(() -> credentials.encryption("demo"));
        List<KeyDescriptor> keys = idp.getKeyDescriptors();
        assertEquals(List.of(UsageType.SIGNING, UsageType.ENCRYPTION), keys.stream().map(KeyDescriptor::getUse).toList());
        assertEquals(signing.certificate(), certificate(keys.get(0)));
        assertEquals(encryption.certificate(), certificate(keys.get(1)));
    }

    @Test
    void theSignedVariantVerifiesAgainstThePublishedCertificateAndTamperingBreaksIt() throws Exception {
        String xml = fetch("?signed=true");
        EntityDescriptor entity = parse(xml);
        assertNotNull(entity.getSignature());
        X509Certificate published = certificate(entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS)
                .getKeyDescriptors().getFirst());

        new SAMLSignatureProfileValidator().validate(entity.getSignature());
        SignatureValidator.validate(entity.getSignature(), new BasicX509Credential(published));
        assertTrue(xml.contains("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"), "RSA-SHA256");
        assertTrue(xml.contains("http://www.w3.org/2001/10/xml-exc-c14n#"), "exclusive c14n");

        EntityDescriptor tampered = parse(xml.replace(ISSUER + "/saml2/sso", "https://evil.example/saml2/sso"));
        assertThrows(SignatureException.class,
                () -> SignatureValidator.validate(tampered.getSignature(), new BasicX509Credential(published)));
    }

    @Test
    void anUnknownRealmIs404ProblemJson() {
        given().when().get("/realms/nowhere/saml2/metadata")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
