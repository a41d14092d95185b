package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Arbor's SAML IdP against a service provider nobody here wrote: pysaml2 7 (Debian python3-pysaml2),
 * which checks what Arbor sends with its own code and xmlsec1: Web Browser SSO, SP- and IdP-initiated
 * (SAML Profiles §4.1), and Single Logout propagated from one SP to another (§4.4).
 * Each SP is registered through the admin API from the metadata pysaml2 writes; the browser is an
 * HTTP client that keeps cookies, logs in through the journey API and reads the auto-post form Arbor
 * answers with, whose SAMLResponse it hands to pysaml2 (nothing listens at the ACS URLs).
 * xmlsec1 also verifies a Response signature on its own, with the certificate of Arbor's metadata.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SamlServiceProviderTest {
    private static final String ISSUER = ArborSuite.PUBLIC_URL + "/realms/demo";
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final String MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
    private static final String DISPLAY_NAME = "urn:oid:2.16.840.1.113730.3.1.241";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final Pattern FORM = Pattern.compile("<form id=\"arbor-form-post\" method=\"post\" action=\"([^\"]*)\">");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    private static final String PARTIAL_LOGOUT = "urn:oasis:names:tc:SAML:2.0:status:PartialLogout";
    private static final Pattern PLAIN_ASSERTION = Pattern.compile("<([A-Za-z0-9_-]+:)?Assertion[\\s>]");

    private static Path dir;
    private static Path idpCertificate;
    /** Assertion signed, not encrypted: the plain Web Browser SSO profile. */
    private static Pysaml2Sp plain;
    /** Assertion encrypted with AES-256-GCM, key transport RSA-OAEP (XML Encryption 1.1): Arbor's default. */
    private static Pysaml2Sp gcm;
    /** Assertion encrypted with AES-256-CBC, key transport RSA-OAEP-MGF1P: for older SP stacks. */
    private static Pysaml2Sp cbc;
    /** The Response signed as well as the Assertion: what xmlsec1 verifies. */
    private static Pysaml2Sp signedResponse;
    /** Two SPs one browser session logs in to, for Single Logout: A starts the logout, B is told of it. */
    private static Pysaml2Sp sloA;
    private static Pysaml2Sp sloB;

    @BeforeAll
    static void registerPysaml2ServiceProviders() throws Exception {
        // under target/, kept after the run with the Responses of the encryption tests, for when one fails
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "pysaml2-");
        Pysaml2Sp.Result keys = Pysaml2Sp.exec(List.of("openssl", "req", "-x509", "-newkey", "rsa:3072", "-nodes",
                "-sha256", "-days", "2", "-subj", "/CN=pysaml2 SP of the Arbor system tests",
                "-keyout", dir.resolve("sp.key").toString(), "-out", dir.resolve("sp.crt").toString()), 120);
        assertEquals(0, keys.exit(), keys.stderr());

        HttpResponse<String> metadata = new Http().get("/realms/demo/saml2/metadata");
        assertEquals(200, metadata.statusCode(), metadata.body());
        Path idpMetadata = Files.writeString(dir.resolve("idp-metadata.xml"), metadata.body());
        idpCertificate = Files.writeString(dir.resolve("idp-signing.pem"), signingCertificatePem(metadata.body()));

        String token = adminToken();
        plain = register("plain", idpMetadata, token, Map.of());
        gcm = register("gcm", idpMetadata, token, Map.of("encryptAssertion", "aes256-gcm"));
        cbc = register("cbc", idpMetadata, token, Map.of("encryptAssertion", "aes256-cbc"));
        signedResponse = register("signed-response", idpMetadata, token, Map.of("signResponse", true));
        sloA = register("slo-a", idpMetadata, token, Map.of());
        sloB = register("slo-b", idpMetadata, token, Map.of());
    }

    @Test
    @DisplayName("pysaml2, SP-initiated over HTTP-Redirect: a signed AuthnRequest, login, a Response pysaml2 accepts")
    void spInitiatedOverHttpRedirectLogsAliceInAtPysaml2WithAStablePersistentNameId() {
        JsonNode request = plain.authnRequest("redirect", "redirect-relay");

        Map<String, String> form = signIn(new CodeFlow(), request, true);
        JsonNode accepted = plain.response(form.get("SAMLResponse"), request.get("id").asText());

        assertEquals(plain.acs(), form.get("action"));
        assertEquals("redirect-relay", form.get("RelayState"));
        assertAlice(accepted, plain, request);
        // a second login, in another browser, gets the same pairwise identifier
        JsonNode again = plain.authnRequest("redirect", "again");
        JsonNode second = plain.response(signIn(new CodeFlow(), again, true).get("SAMLResponse"), again.get("id").asText());
        assertEquals(accepted.get("name_id").asText(), second.get("name_id").asText());
        assertNotEquals(accepted.get("session_index").asText(), second.get("session_index").asText(),
                "each login is its own session");
    }

    @Test
    @DisplayName("pysaml2, SP-initiated over HTTP-POST: an enveloped-signed AuthnRequest, login, an accepted Response")
    void spInitiatedOverHttpPostLogsAliceInAtPysaml2() {
        JsonNode request = plain.authnRequest("post", "post-relay");

        Map<String, String> form = signIn(new CodeFlow(), request, true);
        JsonNode accepted = plain.response(form.get("SAMLResponse"), request.get("id").asText());

        assertEquals(plain.acs(), form.get("action"));
        assertEquals("post-relay", form.get("RelayState"));
        assertAlice(accepted, plain, request);
        // pysaml2's own check: the Response answers this request and no other
        Pysaml2Sp.Result otherRequest = plain.run("response", "--saml-response", form.get("SAMLResponse"),
                "--request-id", "id-not-the-request");
        assertEquals(2, otherRequest.exit(), otherRequest.stdout() + otherRequest.stderr());
        // and its signature check: one changed attribute value and the Assertion is refused
        String tampered = Base64.getEncoder().encodeToString(decode(form.get("SAMLResponse"))
                .replace(">alice@example.com<", ">mallory@example.com<").getBytes(StandardCharsets.UTF_8));
        Pysaml2Sp.Result forged = plain.run("response", "--saml-response", tampered,
                "--request-id", request.get("id").asText());
        assertEquals(2, forged.exit(), forged.stdout() + forged.stderr());
        assertTrue(forged.stdout().contains("SignatureError"), forged.stdout());
    }

    @Test
    @DisplayName("pysaml2 decrypts an assertion encrypted with AES-256-CBC and RSA-OAEP-MGF1P")
    void encryptedAssertionAes256CbcIsDecryptedAndVerifiedByPysaml2() throws Exception {
        JsonNode request = cbc.authnRequest("post", "cbc");

        String samlResponse = signIn(new CodeFlow(), request, true).get("SAMLResponse");
        String raw = decode(samlResponse);
        Files.writeString(dir.resolve("cbc-response.b64"), samlResponse);
        JsonNode accepted = cbc.response(samlResponse, request.get("id").asText());

        assertNothingInTheClear(raw);
        assertTrue(raw.contains("http://www.w3.org/2001/04/xmlenc#aes256-cbc"), raw);
        assertTrue(raw.contains("http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"), raw);
        assertAlice(accepted, cbc, request);
    }

    /**
     * Arbor's default encryption, XML Encryption 1.1: AES-256-GCM and RSA-OAEP with SHA-256 and
     * MGF1-SHA256. The xmlsec1 of Debian 12 (1.2.37) has AES-GCM but not the {@code xmlenc11#rsa-oaep} key
     * transport (only {@code rsa-oaep-mgf1p}), so pysaml2 cannot decrypt it there: the driver decrypts it with
     * python3-cryptography, and pysaml2 then checks the Assertion (signature, audience, InResponseTo).
     */
    @Test
    @DisplayName("An AES-256-GCM + RSA-OAEP (xmlenc11) assertion decrypts with the SP's key and pysaml2 accepts it")
    void encryptedAssertionAes256GcmDecryptsWithTheSpKeyAndPysaml2AcceptsTheAssertion() throws Exception {
        JsonNode request = gcm.authnRequest("redirect", "gcm");

        String samlResponse = signIn(new CodeFlow(), request, true).get("SAMLResponse");
        String raw = decode(samlResponse);
        Files.writeString(dir.resolve("gcm-response.b64"), samlResponse);
        JsonNode decrypted = gcm.ok("decrypt-xmlenc11", "--saml-response", samlResponse).json();
        JsonNode accepted = gcm.response(decrypted.get("saml_response").asText(), request.get("id").asText());

        assertNothingInTheClear(raw);
        assertEquals("http://www.w3.org/2009/xmlenc11#aes256-gcm", decrypted.get("data_algorithm").asText());
        assertEquals("http://www.w3.org/2009/xmlenc11#rsa-oaep", decrypted.get("key_transport").asText());
        assertEquals("http://www.w3.org/2001/04/xmlenc#sha256", decrypted.get("digest").asText());
        assertEquals("http://www.w3.org/2009/xmlenc11#mgf1sha256", decrypted.get("mgf").asText());
        assertAlice(accepted, gcm, request);
    }

    @Test
    @DisplayName("xmlsec1 verifies the Response signature with the certificate of Arbor's metadata; a changed value breaks it")
    void xmlsec1VerifiesTheResponseSignatureAndRefusesATamperedCopy() throws Exception {
        JsonNode request = signedResponse.authnRequest("post", "xmlsec1");
        String samlResponse = signIn(new CodeFlow(), request, true).get("SAMLResponse");
        String raw = decode(samlResponse);
        assertAlice(signedResponse.response(samlResponse, request.get("id").asText()), signedResponse, request);
        assertTrue(hasSignatureChild(raw), "the Response itself carries an enveloped signature: " + raw);
        assertTrue(raw.contains(">alice@example.com<"), raw);
        Path original = Files.writeString(dir.resolve("response.xml"), raw);
        Path tampered = Files.writeString(dir.resolve("response-tampered.xml"),
                raw.replace(">alice@example.com<", ">mallory@example.com<"));

        Pysaml2Sp.Result verified = xmlsec1Verify(original, idpCertificate);
        Pysaml2Sp.Result refused = xmlsec1Verify(tampered, idpCertificate);
        Pysaml2Sp.Result otherKey = xmlsec1Verify(original, dir.resolve("sp.crt"));

        assertEquals(0, verified.exit(), "xmlsec1 --verify:\n" + verified.stdout() + verified.stderr());
        assertTrue(verified.stderr().contains("OK"), verified.stderr());
        assertNotEquals(0, refused.exit(), "a changed attribute value must break the signature:\n" + refused.stderr());
        assertNotEquals(0, otherKey.exit(), "only Arbor's key verifies, never the KeyInfo:\n" + otherKey.stderr());
    }

    @Test
    @DisplayName("One SSO session across protocols: after an OIDC login the SAML SP gets its Response without a login")
    void oidcLoginIsReusedByTheSamlServiceProviderWithoutAskingAgain() {
        var browser = new CodeFlow();
        browser.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);
        JsonNode request = plain.authnRequest("redirect", "after-oidc");

        Map<String, String> form = signIn(browser, request, false);

        assertAlice(plain.response(form.get("SAMLResponse"), request.get("id").asText()), plain, request);
    }

    @Test
    @DisplayName("One SSO session across protocols: after a SAML login the OIDC client gets its code without a login")
    void samlLoginIsReusedByTheOidcClientWithoutAskingAgain() {
        var browser = new CodeFlow();
        JsonNode request = plain.authnRequest("post", "before-oidc");
        plain.response(signIn(browser, request, true).get("SAMLResponse"), request.get("id").asText());

        HttpResponse<String> authorize = browser.http.get(browser.authorizeUrl());

        assertEquals(303, authorize.statusCode(), authorize.body());
        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CodeFlow.REDIRECT_URI), "straight back to the client, no login page: " + location);
        Map<String, String> callback = Http.query(location);
        assertNotNull(callback.get("code"), location);
        assertEquals(browser.state, callback.get("state"));
    }

    @Test
    @DisplayName("pysaml2 accepts an IdP-initiated (unsolicited) Response, RelayState intact, after the login the link starts")
    void idpInitiatedSsoLogsAliceInAtPysaml2WithTheRelayStateIntact() {
        var browser = new CodeFlow();
        String link = ArborSuite.PUBLIC_URL + "/realms/demo/saml2/sso/init?sp=" + Http.enc(plain.entityId())
                + "&RelayState=" + Http.enc("/portal/deep-link");

        Map<String, String> form = signIn(browser, Http.JSON.createObjectNode().put("url", link), true);
        JsonNode accepted = plain.unsolicited(form.get("SAMLResponse"));

        assertEquals(plain.acs(), form.get("action"));
        assertEquals("/portal/deep-link", form.get("RelayState"));
        assertTrue(accepted.get("in_response_to").isNull(), "unsolicited: no InResponseTo: " + accepted);
        assertAlice(accepted, plain);
        // pysaml2's own check: a Response that answers no request is refused where one was expected
        Pysaml2Sp.Result whereARequestWasOutstanding = plain.run("response", "--saml-response", form.get("SAMLResponse"),
                "--request-id", "id-of-an-outstanding-request");
        assertEquals(2, whereARequestWasOutstanding.exit(),
                whereARequestWasOutstanding.stdout() + whereARequestWasOutstanding.stderr());
        // the same link again, now inside the SSO session: the Response at once, for the same pairwise NameID
        Map<String, String> again = signIn(browser, Http.JSON.createObjectNode().put("url", link), false);
        assertEquals(accepted.get("name_id").asText(), plain.unsolicited(again.get("SAMLResponse")).get("name_id").asText());
    }

    @Test
    @DisplayName("SAML SLO over HTTP-Redirect: pysaml2 A logs out, Arbor tells pysaml2 B, A gets Success and the session is gone")
    void singleLogoutOverHttpRedirectReachesTheOtherServiceProviderAndEndsTheSession() {
        var browser = new CodeFlow();
        JsonNode atA = logIn(browser, sloA, true);
        JsonNode atB = logIn(browser, sloB, false);
        JsonNode logout = sloA.logoutRequest("redirect", atA, "after-logout");

        String toB = location(browser.http.get(logout.get("url").asText()), sloB.slo());
        JsonNode told = sloB.ok("answer-logout-request", "--binding", "redirect", "--saml-request", queryOf(toB)).json();
        String toA = location(browser.http.get(told.get("url").asText()), sloA.slo());
        JsonNode answer = sloA.ok("logout-response", "--binding", "redirect", "--saml-response", queryOf(toA),
                "--request-id", logout.get("id").asText()).json();

        // B was asked about its own session with alice, by the NameID and SessionIndex it was given
        assertEquals(atB.get("name_id").asText(), told.get("name_id").asText(), told.toString());
        assertEquals(atB.get("session_index").asText(), told.get("session_indexes").get(0).asText(), told.toString());
        assertEquals(ISSUER, told.get("issuer").asText());
        // A hears that all went well, with its RelayState back
        assertEquals(SUCCESS, answer.get("status").asText(), answer.toString());
        assertTrue(answer.get("second_level").isNull(), answer.toString());
        assertEquals("after-logout", Http.query(toA).get("RelayState"));
        assertSessionEnded(browser);
    }

    @Test
    @DisplayName("SAML SLO over HTTP-POST: when pysaml2 B fails to log out, A is answered Success/PartialLogout")
    void singleLogoutOverHttpPostReportsPartialLogoutWhenAParticipantFails() {
        var browser = new CodeFlow();
        JsonNode atA = logIn(browser, sloA, true);
        logIn(browser, sloB, false);
        JsonNode logout = sloA.logoutRequest("post", atA, "post-logout");

        String toB = location(browser.http.postForm(logout.get("action").asText(), Map.of(
                "SAMLRequest", logout.get("SAMLRequest").asText(),
                "RelayState", logout.get("RelayState").asText()), null), sloB.slo());
        JsonNode told = sloB.ok("answer-logout-request", "--binding", "redirect", "--saml-request", queryOf(toB),
                "--status", "responder").json();
        HttpResponse<String> back = browser.http.get(told.get("url").asText());
        assertEquals(200, back.statusCode(), "A's endpoint of the binding it used (POST): an auto-post form: " + back.body());
        Map<String, String> form = form(back.body());
        JsonNode answer = sloA.ok("logout-response", "--binding", "post", "--saml-response", form.get("SAMLResponse"),
                "--request-id", logout.get("id").asText()).json();

        assertEquals(sloA.slo(), form.get("action"));
        assertEquals("post-logout", form.get("RelayState"));
        assertEquals(SUCCESS, answer.get("status").asText(), answer.toString());
        assertEquals(PARTIAL_LOGOUT, answer.get("second_level").asText(), answer.toString());
        assertSessionEnded(browser);
    }

    // --- the browser ---

    /**
     * Sends the AuthnRequest as the browser would (GET of the signed URL, or the form POST), logs alice
     * in through the journey when {@code expectLogin}, and returns the auto-post form: its
     * {@code action} and hidden fields.
     */
    private static Map<String, String> signIn(CodeFlow browser, JsonNode request, boolean expectLogin) {
        HttpResponse<String> sso = request.has("url") ? browser.http.get(request.get("url").asText())
                : browser.http.postForm(request.get("action").asText(), Map.of(
                        "SAMLRequest", request.get("SAMLRequest").asText(),
                        "RelayState", request.get("RelayState").asText()), null);
        HttpResponse<String> page = sso;
        if (expectLogin) {
            assertEquals(303, sso.statusCode(), "the login page first: " + sso.body());
            String login = sso.headers().firstValue("Location").orElseThrow();
            assertTrue(login.contains("/ui/login"), login);
            String flow = Http.query(ArborSuite.PUBLIC_URL + login.replace(ArborSuite.PUBLIC_URL, "")).get("flow");
            HttpResponse<String> done = browser.journey(flow, "alice", ArborSuite.ALICE_PASSWORD);
            assertEquals(200, done.statusCode(), done.body());
            page = browser.http.get(Http.json(done).get("successUrl").asText());
        }
        assertEquals(200, page.statusCode(), "the auto-post form: " + page.body());
        return form(page.body());
    }

    /** Logs the browser in at {@code sp} (SP-initiated, HTTP-Redirect); pysaml2's view of the Response. */
    private static JsonNode logIn(CodeFlow browser, Pysaml2Sp sp, boolean expectLogin) {
        JsonNode request = sp.authnRequest("redirect", "login");
        JsonNode accepted = sp.response(signIn(browser, request, expectLogin).get("SAMLResponse"), request.get("id").asText());
        assertAlice(accepted, sp, request);
        return accepted;
    }

    /** The 303 of Arbor's SLO endpoint, which must go to {@code endpoint} (an SP's SLO URL). */
    private static String location(HttpResponse<String> response, String endpoint) {
        assertEquals(303, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(endpoint + "?"), "to " + endpoint + ": " + location);
        return location;
    }

    private static String queryOf(String url) {
        return url.substring(url.indexOf('?') + 1);
    }

    /** The Arbor session of the browser is over: an OIDC authorization asks for a login again. */
    private static void assertSessionEnded(CodeFlow browser) {
        HttpResponse<String> authorize = browser.http.get(browser.authorizeUrl());
        assertEquals(303, authorize.statusCode(), authorize.body());
        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/ui/login"), "the login page, not a code: " + location);
    }

    private static Map<String, String> form(String html) {
        Matcher action = FORM.matcher(html);
        assertTrue(action.find(), "an auto-post form: " + html);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", unescape(action.group(1)));
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            form.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        assertNotNull(form.get("SAMLResponse"), html);
        return form;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    // --- what pysaml2 accepted ---

    private static void assertAlice(JsonNode accepted, Pysaml2Sp sp, JsonNode request) {
        assertEquals(request.get("id").asText(), accepted.get("in_response_to").asText(), accepted.toString());
        assertAlice(accepted, sp);
    }

    /** alice as pysaml2 accepted her from Arbor, whatever request (if any) the Response answers. */
    private static void assertAlice(JsonNode accepted, Pysaml2Sp sp) {
        assertEquals(ISSUER, accepted.get("issuer").asText(), accepted.toString());
        assertEquals(PERSISTENT, accepted.get("name_id_format").asText(), accepted.toString());
        assertTrue(accepted.get("name_id").asText().length() >= 20, "an opaque pairwise value: " + accepted);
        assertEquals(sp.entityId(), accepted.get("sp_name_qualifier").asText(), accepted.toString());
        assertFalse(accepted.get("session_index").asText("").isEmpty(), accepted.toString());
        assertEquals("alice@example.com", only(accepted.get("attributes"), "mail", MAIL), accepted.toString());
        assertEquals("Alice Liddell", only(accepted.get("attributes"), "displayName", DISPLAY_NAME), accepted.toString());
    }

    /** The single value of an attribute, under pysaml2's friendly name or, unmapped, its URI. */
    private static String only(JsonNode attributes, String friendlyName, String uri) {
        JsonNode values = attributes.has(friendlyName) ? attributes.get(friendlyName) : attributes.get(uri);
        assertNotNull(values, "attribute " + friendlyName + " in " + attributes);
        assertEquals(1, values.size(), values.toString());
        return values.get(0).asText();
    }

    // --- xmlsec1 ---

    private static Pysaml2Sp.Result xmlsec1Verify(Path document, Path certificate) {
        return Pysaml2Sp.exec(List.of("xmlsec1", "--verify", "--pubkey-cert-pem", certificate.toString(),
                "--id-attr:ID", SAMLP + ":Response", "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
                document.toString()), 60);
    }

    /** xmlsec1 verifies the first ds:Signature in document order: that must be the Response's own. */
    private static boolean hasSignatureChild(String xml) throws Exception {
        Element root = parse(xml).getDocumentElement();
        assertEquals("Response", root.getLocalName());
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && DSIG.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                return true;
            }
            if (child instanceof Element e && "Assertion".equals(e.getLocalName())) {
                return false;
            }
        }
        return false;
    }

    /** The first signing certificate of the IdP metadata, as PEM. */
    private static String signingCertificatePem(String metadata) throws Exception {
        NodeList descriptors = parse(metadata).getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "KeyDescriptor");
        for (int i = 0; i < descriptors.getLength(); i++) {
            Element descriptor = (Element) descriptors.item(i);
            if ("signing".equals(descriptor.getAttribute("use"))) {
                String base64 = descriptor.getElementsByTagNameNS(DSIG, "X509Certificate").item(0).getTextContent()
                        .replaceAll("\\s", "");
                return "-----BEGIN CERTIFICATE-----\n" + String.join("\n", base64.split("(?<=\\G.{64})"))
                        + "\n-----END CERTIFICATE-----\n";
            }
        }
        throw new AssertionError("no signing KeyDescriptor in the IdP metadata:\n" + metadata);
    }

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String decode(String samlResponse) {
        return new String(Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
    }

    // --- registration ---

    /**
     * Registers an SP from the metadata pysaml2 writes: persistent NameID, email and name released,
     * signed AuthnRequests required, IdP-initiated SSO allowed (for the IdP-initiated tests).
     */
    private static Pysaml2Sp register(String name, Path idpMetadata, String token, Map<String, Object> extra) {
        String base = "http://localhost:18650/pysaml2/" + name;
        var sp = new Pysaml2Sp(dir, base, base + "/acs", base + "/slo", idpMetadata);
        ObjectNode body = Http.JSON.createObjectNode().put("metadata", sp.metadata());
        ObjectNode settings = body.putObject("settings").put("nameIdFormat", "persistent")
                .put("requireSignedAuthnRequests", true).put("allowIdpInitiated", true);
        settings.putArray("attributes")
                .add(Http.JSON.createObjectNode().put("claim", "email").put("name", MAIL).put("friendlyName", "mail"))
                .add(Http.JSON.createObjectNode().put("claim", "name").put("name", DISPLAY_NAME)
                        .put("friendlyName", "displayName"));
        extra.forEach((key, value) -> settings.set(key, Http.JSON.valueToTree(value)));

        HttpResponse<String> created = new Http().postJson("/admin/realms/demo/saml-sps", body.toString(), token);

        assertEquals(201, created.statusCode(), created.body());
        return sp;
    }

    private static String adminToken() {
        String basic = Base64.getEncoder().encodeToString(("arbor-admin:" + ArborSuite.adminSecret)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = new Http().postForm("/realms/admin/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "arbor:admin"), basic);
        assertEquals(200, token.statusCode(), token.body());
        return Http.json(token).get("access_token").asText();
    }

    /** An EncryptedAssertion, and neither a plain Assertion nor an attribute value readable in the Response. */
    private static void assertNothingInTheClear(String raw) {
        assertTrue(raw.contains("EncryptedAssertion"), raw);
        assertFalse(PLAIN_ASSERTION.matcher(raw).find(), "no assertion in the clear: " + raw);
        assertFalse(raw.contains("alice@example.com"), "no attribute value in the clear");
    }

}
