package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.protocol.saml2.SamlXml;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * The SAML key rollover admin API against real PostgreSQL and Kafka: next, activate, retire, what the
 * metadata lists after each step, the refusals, concurrent calls, and that no private key is ever shown.
 * Each test uses its own realm (never demo, whose keys other test classes read).
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AdminSamlKeysResourceTest {
    @Inject
    Pool pool;
    @Inject
    dev.arbor.federation.port.SamlCredentials credentials;

    static String adminToken() {
        return given().auth().preemptive().basic("arbor-admin", "test-admin-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "arbor:admin")
                .when().post("/realms/admin/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String keys(String realm) {
        return "/admin/realms/" + realm + "/saml-keys";
    }

    static JsonPath post(String token, String path, int status) {
        String body = given().auth().oauth2(token).when().post(path)
                .then().statusCode(status).extract().asString();
        assertNoPrivateKey(body);
        return JsonPath.from(body);
    }

    static JsonPath list(String token, String realm) {
        String body = given().auth().oauth2(token).when().get(keys(realm))
                .then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .extract().asString();
        assertNoPrivateKey(body);
        return JsonPath.from(body);
    }

    /** Every admin body seen, to look for private key material in afterwards. */
    static final List<String> BODIES = java.util.Collections.synchronizedList(new ArrayList<>());

    /** No PEM private key, no field that could carry one or its sealed form. */
    static void assertNoPrivateKey(String body) {
        BODIES.add(body);
        assertFalse(body.contains("PRIVATE KEY"), body);
        assertFalse(body.toLowerCase().contains("sealed") || body.toLowerCase().contains("nonce")
                || body.contains("privateKey"), body);
    }

    /** Neither the PKCS#8 bytes of {@code key} (base64, any 40-character piece at its start or end) appear in any body. */
    static void assertNeverShown(java.security.PrivateKey key) {
        String der = Base64.getEncoder().encodeToString(key.getEncoded());
        String derUrl = Base64.getUrlEncoder().withoutPadding().encodeToString(key.getEncoded());
        for (String body : BODIES) {
            String flat = body.replace("\\n", "").replace("\n", "");
            for (String piece : List.of(der.substring(0, 40), der.substring(der.length() - 44, der.length() - 4),
                    derUrl.substring(100, 140))) {
                assertFalse(flat.contains(piece), "private key material in " + body);
            }
        }
    }

    /** The certificates of {@code use} in the realm's metadata, in document order, as key ids. */
    static List<String> metadataKeyIds(String realm, UsageType use) throws Exception {
        String xml = given().when().get("/realms/" + realm + "/saml2/metadata").then().statusCode(200).extract().asString();
        EntityDescriptor entity = SamlXml.unmarshall(xml.getBytes(StandardCharsets.UTF_8), EntityDescriptor.class);
        List<String> ids = new ArrayList<>();
        for (KeyDescriptor key : entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS).getKeyDescriptors()) {
            if (key.getUse() == use) {
                ids.add(thumbprint(KeyInfoSupport.getCertificates(key.getKeyInfo()).getFirst()));
            }
        }
        return ids;
    }

    static String thumbprint(X509Certificate certificate) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    static X509Certificate pem(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private Map<String, Long> states(String realm, String use) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(
                        "SELECT state, count(*) AS n FROM federation.saml_key WHERE realm = $1 AND key_use = $2 GROUP BY state")
                .execute(Tuple.of(realm, use)).map(rows -> {
                    Map<String, Long> out = new TreeMap<>();
                    rows.forEach(row -> out.put(row.getString("state"), row.getLong("n")));
                    return out;
                }));
    }

    @Test
    void nextActivateRetireMoveTheSigningKeyThroughItsStatesAndTheMetadataFollows() throws Throwable {
        String realm = "saml-test";
        String token = adminToken();
        String current = metadataKeyIds(realm, UsageType.SIGNING).getFirst(); // created on first use

        JsonPath next = post(token, keys(realm) + "/signing/next", 200);
        String nextId = next.getString("keyId");
        assertEquals("published", next.getString("state"));
        assertEquals("signing", next.getString("use"));
        assertEquals(nextId, thumbprint(pem(next.getString("certificate"))), "the key id is the certificate's thumbprint");
        assertEquals(List.of(current, nextId), metadataKeyIds(realm, UsageType.SIGNING), "current first, then the next");
        assertEquals(1, metadataKeyIds(realm, UsageType.ENCRYPTION).size(), "encryption untouched");

        JsonPath activated = post(token, keys(realm) + "/signing/activate", 200);
        assertEquals(nextId, activated.getString("current.keyId"));
        assertEquals("current", activated.getString("current.state"));
        assertEquals(current, activated.getString("previous.keyId"));
        assertEquals("previous", activated.getString("previous.state"));
        assertEquals(List.of(nextId, current), metadataKeyIds(realm, UsageType.SIGNING),
                "the new key first; the replaced one stays listed until retired");

        JsonPath retired = post(token, keys(realm) + "/" + current + "/retire", 200);
        assertEquals("retired", retired.getString("state"));
        assertEquals(false, retired.getBoolean("inMetadata"));
        assertEquals(List.of(nextId), metadataKeyIds(realm, UsageType.SIGNING));
        post(token, keys(realm) + "/" + current + "/retire", 200); // again: nothing changes

        JsonPath all = list(token, realm);
        assertEquals(realm, all.getString("realm"));
        assertEquals(List.of("signing/current", "signing/retired", "encryption/current"),
                all.getList("keys", Map.class).stream().map(k -> k.get("use") + "/" + k.get("state")).toList());
        assertEquals(List.of(nextId, current), all.getList("keys.findAll { it.use == 'signing' }.keyId"));
        Map<?, ?> first = all.getList("keys", Map.class).getFirst();
        assertTrue(first.get("certificate").toString().startsWith("-----BEGIN CERTIFICATE-----\n"));
        for (String field : List.of("notBefore", "notAfter", "created", "activated")) {
            assertTrue(first.get(field).toString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), field + ": " + first.get(field));
        }
        given().auth().oauth2(token).queryParam("use", "encryption").when().get(keys(realm))
                .then().statusCode(200).body("keys.size()", equalTo(1)).body("keys[0].use", equalTo("encryption"));

        assertNeverShown(VertxContextSupport.subscribeAndAwait(() -> credentials.signing(realm)).privateKey());
        assertNeverShown(VertxContextSupport.subscribeAndAwait(() -> credentials.encryption(realm)).privateKey());
    }

    @Test
    void theStepsRefuseWhatDoesNotApplyWith409ProblemJson() throws Exception {
        String realm = "dcr-open";
        String token = adminToken();
        String current = metadataKeyIds(realm, UsageType.SIGNING).getFirst();

        given().auth().oauth2(token).when().post(keys(realm) + "/signing/activate")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("no published"));
        given().auth().oauth2(token).when().post(keys(realm) + "/" + current + "/retire")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("current"));

        String next = post(token, keys(realm) + "/signing/next", 200).getString("keyId");
        given().auth().oauth2(token).when().post(keys(realm) + "/signing/next")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("already"));

        // an unused next key can be abandoned; then another can be published
        assertEquals("retired", post(token, keys(realm) + "/" + next + "/retire", 200).getString("state"));
        assertEquals(List.of(current), metadataKeyIds(realm, UsageType.SIGNING));
        String again = post(token, keys(realm) + "/signing/next", 200).getString("keyId");
        assertNotEquals(next, again);
    }

    @Test
    void anEncryptionKeyRollsOverTooAndBothEncryptionCertificatesArePublishedMeanwhile() throws Exception {
        String realm = "dcr";
        String token = adminToken();
        String current = metadataKeyIds(realm, UsageType.ENCRYPTION).getFirst();
        String signing = metadataKeyIds(realm, UsageType.SIGNING).getFirst();

        String next = post(token, keys(realm) + "/encryption/next", 200).getString("keyId");
        assertEquals(List.of(current, next), metadataKeyIds(realm, UsageType.ENCRYPTION));
        post(token, keys(realm) + "/encryption/activate", 200);
        assertEquals(List.of(next, current), metadataKeyIds(realm, UsageType.ENCRYPTION));
        assertEquals(List.of(signing), metadataKeyIds(realm, UsageType.SIGNING), "signing untouched");
    }

    @Test
    void eightConcurrentNextsPublishOneKeyAndEightConcurrentActivationsLeaveExactlyOneCurrent() throws Throwable {
        String realm = "admin";
        String token = adminToken();
        String current = metadataKeyIds(realm, UsageType.SIGNING).getFirst();

        List<Integer> nexts = concurrently(8, () -> given().auth().oauth2(token).when()
                .post(keys(realm) + "/signing/next").statusCode());
        assertEquals(1, nexts.stream().filter(s -> s == 200).count(), nexts.toString());
        assertEquals(7, nexts.stream().filter(s -> s == 409).count(), nexts.toString());
        assertEquals(Map.of("current", 1L, "published", 1L), states(realm, "signing"));

        List<Integer> activations = concurrently(8, () -> given().auth().oauth2(token).when()
                .post(keys(realm) + "/signing/activate").statusCode());
        assertEquals(1, activations.stream().filter(s -> s == 200).count(), activations.toString());
        assertEquals(7, activations.stream().filter(s -> s == 409).count(), activations.toString());
        assertEquals(Map.of("current", 1L, "previous", 1L), states(realm, "signing"));
        List<String> listed = metadataKeyIds(realm, UsageType.SIGNING);
        assertEquals(2, listed.size());
        assertEquals(current, listed.get(1), "the old key is previous, listed second");
    }

    private static List<Integer> concurrently(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutAnAdminTokenEveryOperationIs401AndWithoutTheGrant403() {
        String base = keys("saml-test");
        String someKey = "A".repeat(43);
        for (String path : List.of("/signing/next", "/signing/activate", "/" + someKey + "/retire")) {
            given().when().post(base + path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        given().when().get(base).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.accessToken().clientId("arbor-admin").scope("arbor:admin").build())
                .when().get(base).then().statusCode(401); // a token of realm demo
        String notAdmin = TestTokens.accessToken().issuer(TestTokens.issuerOf("admin")).clientId("someone-else")
                .subject("someone-else").scope("arbor:admin").build();
        given().auth().oauth2(notAdmin).when().get(base).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(notAdmin).when().post(base + "/signing/next").then().statusCode(403);
        given().auth().oauth2(notAdmin).when().post(base + "/signing/activate").then().statusCode(403);
    }

    @Test
    void unknownRealmUseOrKeyIs404AndMalformedInputIs400AllProblemJson() {
        String token = adminToken();
        given().auth().oauth2(token).when().get(keys("nowhere")).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).when().post(keys("nowhere") + "/signing/next").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).when().post(keys("saml-test") + "/decryption/next").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("signing or encryption"));
        given().auth().oauth2(token).when().post(keys("saml-test") + "/SIGNING/activate").then().statusCode(404);
        given().auth().oauth2(token).when().post(keys("saml-test") + "/" + "A".repeat(43) + "/retire").then()
                .statusCode(404).contentType("application/problem+json").body("detail", containsString("no such SAML key"));
        given().auth().oauth2(token).when().post(keys("saml-test") + "/not-a-key-id/retire").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("use", "both").when().get(keys("saml-test")).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).when().get(keys("saml-test") + "/signing").then().statusCode(404);
    }

    @Test
    void aKeyOfAnotherRealmIsUnknownHere() throws Exception {
        String token = adminToken();
        metadataKeyIds("dcr", UsageType.SIGNING); // keys created
        String next = post(token, keys("dcr") + "/signing/next", 200).getString("keyId");

        given().auth().oauth2(token).when().post(keys("dcr-open") + "/" + next + "/retire").then().statusCode(404);
        assertEquals("published", list(token, "dcr").getString("keys.find { it.keyId == '" + next + "' }.state"));
        post(token, keys("dcr") + "/" + next + "/retire", 200); // leave dcr's signing keys as the other test expects
    }
}
