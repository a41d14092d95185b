package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.saml2.SamlArtifact;
import dev.arbor.federation.protocol.saml2.SamlStatus;
import dev.arbor.federation.protocol.saml2.SamlTestKeys;
import dev.arbor.federation.protocol.saml2.SoapBinding;
import dev.arbor.federation.protocol.saml2.SpView;
import dev.arbor.federation.protocol.saml2.TestArtifactResolves;
import dev.arbor.federation.protocol.saml2.TestAuthnRequests;
import dev.arbor.federation.protocol.saml2.TestServiceProviders;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.ManualAppClock;
import dev.arbor.federation.support.TestSamlBeans;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.ArtifactResponse;
import org.opensaml.saml.saml2.core.Assertion;

/**
 * SAML Bindings §3.6 (HTTP-Artifact) and SAML Core §3.5 (artifact resolution over SOAP), end to end: an
 * AuthnRequest asking for HTTP-Artifact gets a 302 to the SP's artifact ACS with {@code SAMLart}; the SP
 * resolves it once at {@code /realms/demo/saml2/artifact} with a signed ArtifactResolve. Time passes on the
 * application's clock ({@link ManualAppClock}), never by sleeping.
 */
@QuarkusTest
@TestProfile(SamlArtifactBindingTest.ArtifactProfile.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SamlArtifactBindingTest {
    private static final String SSO = "/realms/demo/saml2/sso";
    private static final String RESOLVE = "/realms/demo/saml2/artifact";
    private static final String OTHER_REALM = "saml-test";
    private static final String OTHER_SP = "https://other.example/sp";
    private static final SamlKeyPair OTHER_SP_KEY = SamlTestKeys.rsa("CN=other.example");

    @Inject
    Clock clock;

    public static class ArtifactProfile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(Registry.class, TestSamlBeans.Credentials.class, ManualAppClock.class);
        }
    }

    /** The fixture SP in realm demo and in realm saml-test, and a second SP of demo with its own key. */
    @Alternative
    @ApplicationScoped
    public static class Registry implements ServiceProviderRegistry {
        private static List<ServiceProvider> all() {
            ServiceProvider sp = TestServiceProviders.sp();
            ServiceProvider inOtherRealm = new ServiceProvider(OTHER_REALM, sp.entityId(), sp.name(),
                    sp.assertionConsumerServices(), sp.singleLogoutServices(), sp.signingCertificates(),
                    sp.encryptionCertificates(), sp.wantAssertionsSigned(), sp.settings(), sp.metadataXml());
            ServiceProvider other = new ServiceProvider("demo", OTHER_SP, "Other SP",
                    List.of(new SamlEndpoint(SamlBinding.HTTP_ARTIFACT, "https://other.example/acs", 0, true, null)),
                    List.of(), List.of(OTHER_SP_KEY.certificate()), List.of(), false, TestServiceProviders.settings(),
                    "<md:EntityDescriptor/>");
            return List.of(sp, inOtherRealm, other);
        }

        @Override
        public Uni<Optional<ServiceProvider>> find(String realm, String entityId) {
            return Uni.createFrom().item(all().stream()
                    .filter(sp -> sp.realm().equals(realm) && sp.entityId().equals(entityId)).findFirst());
        }

        @Override
        public Uni<List<ServiceProvider>> list(String realm) {
            return Uni.createFrom().item(all().stream().filter(sp -> sp.realm().equals(realm)).toList());
        }

        @Override
        public Uni<Void> save(ServiceProvider serviceProvider) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Boolean> delete(String realm, String entityId) {
            return Uni.createFrom().item(false);
        }
    }

    private TestAuthnRequests artifactRequest() {
        TestAuthnRequests sent = TestAuthnRequests.request();
        sent.issueInstant = clock.instant();
        sent.acsUrl = TestServiceProviders.ARTIFACT_ACS;
        sent.protocolBinding = SamlBinding.HTTP_ARTIFACT.uri();
        return sent;
    }

    private static Response sso(TestAuthnRequests sent, String relayState, String sessionId) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("SAMLRequest", TestAuthnRequests.post(sent.signedXml()));
        if (relayState != null) {
            request = request.formParam("RelayState", relayState);
        }
        if (sessionId != null) {
            request = request.cookie("arbor_session", sessionId);
        }
        return request.when().post(SSO);
    }

    /** The query of the 302 to the artifact ACS, decoded. */
    private static Map<String, String> acsQuery(Response redirect) {
        redirect.then().statusCode(302).header("Location", startsWith(TestServiceProviders.ARTIFACT_ACS + "?SAMLart="))
                .header("Cache-Control", containsString("no-store"));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(redirect.header("Location")).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    /** Login with an existing session; the SAMLart the ACS receives. */
    private String artifactFor(TestAuthnRequests sent) {
        return acsQuery(sso(sent, null, FakeSessionStore.aliceSession("demo", 5).getId())).get("SAMLart");
    }

    private static Response post(String path, String envelope) {
        return given().contentType("text/xml; charset=utf-8").body(envelope).when().post(path);
    }

    private ArtifactResponse resolve(String path, TestArtifactResolves request) {
        Response answer = post(path, request.envelope());
        answer.then().statusCode(200).contentType(startsWith("text/xml")).header("Cache-Control", containsString("no-store"));
        ArtifactResponse response = TestArtifactResolves.artifactResponse(answer.body().asString());
        SpView.verifySignature(response, SamlTestKeys.IDP_SIGNING.certificate());
        assertEquals(request.id, response.getInResponseTo());
        return response;
    }

    private ArtifactResponse resolve(String artifact) {
        return resolve(RESOLVE, TestArtifactResolves.of(artifact, clock.instant()));
    }

    private static void assertEmpty(ArtifactResponse response) {
        assertEquals(SamlStatus.SUCCESS, response.getStatus().getStatusCode().getValue());
        assertNull(response.getMessage(), "no message");
    }

    private static void assertRefused(ArtifactResponse response) {
        assertEquals(SamlStatus.REQUESTER, response.getStatus().getStatusCode().getValue());
        assertEquals(SamlStatus.REQUEST_DENIED, response.getStatus().getStatusCode().getStatusCode().getValue());
        assertNull(response.getMessage(), "no message");
    }

    @Test
    void anArtifactRequestLogsInThenGoesToTheAcsBy302AndResolvesOnceToTheSignedResponse() {
        // Given an AuthnRequest asking for HTTP-Artifact, and the user logging in
        TestAuthnRequests sent = artifactRequest();
        String relayState = "https://sp.example/app?page=1&x=<y>";
        Response login = sso(sent, relayState, null);
        login.then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?realm=demo&flow="));
        var session = FakeSessionStore.aliceSession("demo", 0);

        // When the login resumes
        Response resumed = given().redirects().follow(false).queryParam("flow", flowIdOf(login.header("Location")))
                .cookie("arbor_session", session.getId()).when().get("/realms/demo/oauth2/authorize/resume");

        // Then the browser is redirected to the artifact ACS with SAMLart and the RelayState unchanged, nothing else
        Map<String, String> query = acsQuery(resumed);
        assertEquals(Set.of("SAMLart", "RelayState"), query.keySet());
        assertEquals(relayState, query.get("RelayState"));
        resumed.then().body(not(containsString("SAMLResponse")));
        SamlArtifact artifact = SamlArtifact.decode(query.get("SAMLart")).orElseThrow();
        assertTrue(artifact.isFrom(TestServiceProviders.ISSUER));

        // And the SP's signed ArtifactResolve gets a signed ArtifactResponse holding the Response
        ArtifactResponse answer = resolve(query.get("SAMLart"));
        assertEquals(SamlStatus.SUCCESS, answer.getStatus().getStatusCode().getValue());
        assertEquals(TestServiceProviders.ISSUER, answer.getIssuer().getValue());
        org.opensaml.saml.saml2.core.Response response = (org.opensaml.saml.saml2.core.Response) answer.getMessage();
        assertEquals(sent.id, response.getInResponseTo());
        assertEquals(TestServiceProviders.ARTIFACT_ACS, response.getDestination());
        assertEquals(SamlStatus.SUCCESS, response.getStatus().getStatusCode().getValue());
        Assertion assertion = response.getAssertions().getFirst();
        SpView.verifySignature(assertion, SamlTestKeys.IDP_SIGNING.certificate());
        var data = assertion.getSubject().getSubjectConfirmations().getFirst().getSubjectConfirmationData();
        assertEquals(TestServiceProviders.ARTIFACT_ACS, data.getRecipient());
        assertEquals(sent.id, data.getInResponseTo());
        assertEquals(session.getSid(), assertion.getAuthnStatements().getFirst().getSessionIndex());

        // And a second resolution of the same artifact finds nothing (SAML Core §3.5.3, one-time use)
        assertEmpty(resolve(query.get("SAMLart")));
    }

    @Test
    void anArtifactPastItsLifetimeResolvesToNothing() {
        String artifact = artifactFor(artifactRequest());

        assertSame(ManualAppClock.CLOCK, clock, "the application runs on the test clock");
        ManualAppClock.CLOCK.advance(Duration.ofSeconds(61)); // arbor.saml.sso.artifact-lifetime: PT1M

        assertEmpty(resolve(artifact));
    }

    @Test
    void aFailureStatusGoesByArtifactToAnArtifactAcs() {
        TestAuthnRequests passive = artifactRequest();
        passive.passive = true;

        String artifact = acsQuery(sso(passive, "rs-passive", null)).get("SAMLart");

        org.opensaml.saml.saml2.core.Response response =
                (org.opensaml.saml.saml2.core.Response) resolve(artifact).getMessage();
        assertEquals(SamlStatus.NO_PASSIVE, response.getStatus().getStatusCode().getStatusCode().getValue());
        assertEquals(passive.id, response.getInResponseTo());
        SpView.verifySignature(response, SamlTestKeys.IDP_SIGNING.certificate());
    }

    @Test
    void anUnsignedArtifactResolveIsRefusedAndTheArtifactStaysResolvable() {
        String artifact = artifactFor(artifactRequest());
        TestArtifactResolves unsigned = TestArtifactResolves.of(artifact, clock.instant());
        unsigned.key = null;
        TestArtifactResolves forged = TestArtifactResolves.of(artifact, clock.instant());
        forged.key = SamlTestKeys.ATTACKER; // the SP's DN, another key, its certificate in KeyInfo

        assertRefused(resolve(RESOLVE, unsigned));
        assertRefused(resolve(RESOLVE, forged));

        assertTrue(resolve(artifact).getMessage() instanceof org.opensaml.saml.saml2.core.Response);
    }

    @Test
    void anotherRegisteredSpGetsNothingAndCannotUseTheArtifactUp() {
        String artifact = artifactFor(artifactRequest());
        TestArtifactResolves byOtherSp = TestArtifactResolves.of(artifact, clock.instant());
        byOtherSp.issuer = OTHER_SP;
        byOtherSp.key = OTHER_SP_KEY;

        assertEmpty(resolve(RESOLVE, byOtherSp));

        assertTrue(resolve(artifact).getMessage() instanceof org.opensaml.saml.saml2.core.Response,
                "the SP it was issued to still resolves it");
    }

    @Test
    void anArtifactOfAnotherRealmResolvesToNothingThereAndStaysResolvableInItsOwn() {
        String artifact = artifactFor(artifactRequest());
        TestArtifactResolves elsewhere = TestArtifactResolves.of(artifact, clock.instant());
        elsewhere.destination = "http://localhost:8080/realms/" + OTHER_REALM + "/saml2/artifact";

        ArtifactResponse answer = resolve("/realms/" + OTHER_REALM + "/saml2/artifact", elsewhere);

        assertEmpty(answer);
        assertEquals("http://localhost:8080/realms/" + OTHER_REALM, answer.getIssuer().getValue());
        assertTrue(resolve(artifact).getMessage() instanceof org.opensaml.saml.saml2.core.Response);
    }

    @Test
    void aReplayedOrMisaddressedOrStaleArtifactResolveIsRefused() {
        String artifact = artifactFor(artifactRequest());
        TestArtifactResolves once = TestArtifactResolves.of(SamlArtifact.issue(TestServiceProviders.ISSUER).encode(),
                clock.instant());
        String envelope = once.envelope();
        TestArtifactResolves elsewhere = TestArtifactResolves.of(artifact, clock.instant());
        elsewhere.destination = "https://attacker.example/artifact";
        TestArtifactResolves stale = TestArtifactResolves.of(artifact, clock.instant().minus(Duration.ofMinutes(10)));

        assertEmpty(TestArtifactResolves.artifactResponse(post(RESOLVE, envelope).body().asString()));
        assertRefused(TestArtifactResolves.artifactResponse(post(RESOLVE, envelope).body().asString()));
        assertRefused(resolve(RESOLVE, elsewhere));
        assertRefused(resolve(RESOLVE, stale));
        assertTrue(resolve(artifact).getMessage() instanceof org.opensaml.saml.saml2.core.Response);
    }

    @Test
    void aDoctypeInTheSoapBodyIsAClientFaultAt400AndQuickly() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">]>"
                + "<soap11:Envelope xmlns:soap11=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap11:Body>"
                + "<samlp:ArtifactResolve xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_a\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\">&lol5;</samlp:ArtifactResolve></soap11:Body></soap11:Envelope>";
        assertClientFault(post(RESOLVE, laughs)); // the first request of a run also warms the server up
        long start = System.nanoTime();

        Response answer = post(RESOLVE, laughs);

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(1)) < 0, "refused quickly");
        assertClientFault(answer);
    }

    @Test
    void whatIsNotASoapArtifactResolveIsAClientFaultNeverA500() {
        assertClientFault(post(RESOLVE, "not xml"));
        assertClientFault(post(RESOLVE, "<a/>"));
        assertClientFault(post(RESOLVE, "<soap11:Envelope xmlns:soap11=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap11:Body/></soap11:Envelope>"));
        // an AuthnRequest is not an ArtifactResolve
        assertClientFault(post(RESOLVE, SoapBinding.wrap(TestAuthnRequests.request().build())));
        assertClientFault(given().contentType("application/json").body("{}").when().post(RESOLVE));
        assertClientFault(given().contentType("application/x-www-form-urlencoded").formParam("SAMLart", "x")
                .when().post(RESOLVE));
    }

    private static void assertClientFault(Response answer) {
        answer.then().statusCode(400).contentType(startsWith("text/xml"))
                .body(containsString("Fault"), containsString("Client"), not(containsString("Exception")),
                        not(containsString("at dev.")));
    }
}
