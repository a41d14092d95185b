import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

/**
 * SAML Web Browser SSO inside an SSO session: one signed HTTP-Redirect AuthnRequest → Arbor checks it
 * (signature over the query with the SP's metadata key, replay, skew, Destination, ACS) → the auto-post
 * form with a signed (and, for the second SP, AES-256-GCM encrypted) Response. Measures the latency a
 * browser sees and the server CPU per Response, per service (net of what each process burns idle over
 * a 15 s quiet window), then the throughput with 4 browsers at once.
 *
 * <pre>java bench/SamlSsoBench.java BASE PIDS_DIR SP_KEY_PEM SP_CERT_PEM ADMIN_SECRET WARMUP N</pre>
 *
 * Run through bench/saml-sso.sh, which starts a throw-away instance and makes the SP's key pair.
 */
public class SamlSsoBench {
    private static final Pattern FORM = Pattern.compile("name=\"SAMLResponse\" value=\"[A-Za-z0-9+/=]{200,}\"");
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String ACS = "http://localhost:18651/bench/acs";

    private final String base;
    private final PrivateKey spKey;
    private final String certificate;

    SamlSsoBench(String base, PrivateKey spKey, String certificate) {
        this.base = base;
        this.spKey = spKey;
        this.certificate = certificate;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path pids = Path.of(args[1]);
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(args[2])));
        String cert = Base64.getEncoder().encodeToString(pem(args[3]));
        String adminSecret = args[4];
        int warmup = Integer.parseInt(args[5]);
        int n = Integer.parseInt(args[6]);
        var bench = new SamlSsoBench(base, key, cert);

        HttpClient admin = HttpClient.newHttpClient();
        String token = bench.adminToken(admin, adminSecret);
        String signed = base + "/bench/sp-signed";
        String encrypted = base + "/bench/sp-encrypted";
        bench.register(admin, token, signed, "");
        bench.register(admin, token, encrypted, ", \"encryptAssertion\": \"aes256-gcm\"");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        BenchSupport.login(browser, base);

        // what each process burns with nothing to do (health checks, consumers polling), per second
        Map<String, Long> quietStart = BenchSupport.cpu(pids);
        long quietNanos = System.nanoTime();
        Thread.sleep(15_000);
        Map<String, Long> quietEnd = BenchSupport.cpu(pids);
        double quietSeconds = (System.nanoTime() - quietNanos) / 1e9;
        Map<String, Double> idleTicksPerSecond = new LinkedHashMap<>();
        quietEnd.forEach((service, ticks) -> idleTicksPerSecond.put(service,
                (ticks - quietStart.getOrDefault(service, ticks)) / quietSeconds));

        System.out.printf("%-34s %8s %8s %8s %8s   %s%n", "SP (one browser, sequential)", "p50 ms", "p95 ms",
                "p99 ms", "req/s", "server CPU ms per Response");
        for (String sp : List.of(signed, encrypted)) {
            for (int i = 0; i < warmup; i++) {
                bench.sso(browser, sp);
            }
            Map<String, Long> before = BenchSupport.cpu(pids);
            long[] nanos = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                bench.sso(browser, sp);
                nanos[i] = System.nanoTime() - t;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> after = BenchSupport.cpu(pids);
            Arrays.sort(nanos);
            StringBuilder perService = new StringBuilder();
            double total = 0;
            for (var entry : after.entrySet()) {
                double busy = entry.getValue() - before.getOrDefault(entry.getKey(), entry.getValue())
                        - idleTicksPerSecond.getOrDefault(entry.getKey(), 0.0) * seconds;
                double ms = busy * 10.0 / n; // 100 ticks per second
                total += ms;
                if (ms >= 0.05) {
                    perService.append(String.format("%s %.2f  ", entry.getKey(), ms));
                }
            }
            perService.append(String.format("(all %.2f)", total));
            System.out.printf("%-34s %8.2f %8.2f %8.2f %8.1f   %s%n", sp.substring(sp.lastIndexOf('/') + 1),
                    nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[(int) (n * 0.99)] / 1e6, n / seconds,
                    perService.toString().strip());
        }

        System.out.printf("%n%-34s %8s%n", "SP (4 browsers at once)", "req/s");
        for (String sp : List.of(signed, encrypted)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<HttpClient> browsers = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).build();
                BenchSupport.login(other, base);
                browsers.add(other);
            }
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (HttpClient b : browsers) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < n / 4; i++) {
                        bench.sso(b, sp);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("%-34s %8.1f%n", sp.substring(sp.lastIndexOf('/') + 1),
                    (n / 4 * 4) / ((System.nanoTime() - start) / 1e9));
        }
    }

    /** One SP-initiated SSO inside the browser's session: the signed request, the auto-post form. */
    void sso(HttpClient browser, String entityId) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authnRequestUrl(entityId)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !FORM.matcher(page.body()).find()) {
            throw new IllegalStateException("no signed Response form: " + page.statusCode() + " " + page.body());
        }
    }

    /** SAML Bindings §3.4.4.1: DEFLATE, base64, then RSA-SHA256 over the query's octets as sent. */
    String authnRequestUrl(String entityId) throws Exception {
        String destination = base + "/realms/demo/saml2/sso";
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_" + UUID.randomUUID() + "\""
                + " Version=\"2.0\" IssueInstant=\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\""
                + " Destination=\"" + destination + "\" AssertionConsumerServiceURL=\"" + ACS + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + entityId + "</saml:Issuer></samlp:AuthnRequest>";
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        var deflated = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        String query = "SAMLRequest=" + enc(Base64.getEncoder().encodeToString(deflated.toByteArray()))
                + "&RelayState=bench&SigAlg=" + enc(RSA_SHA256);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(spKey);
        signature.update(query.getBytes(StandardCharsets.UTF_8));
        return destination + "?" + query + "&Signature=" + enc(Base64.getEncoder().encodeToString(signature.sign()));
    }

    void register(HttpClient http, String token, String entityId, String extraSettings) throws Exception {
        String metadata = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\""
                + entityId + "\"><md:SPSSODescriptor AuthnRequestsSigned=\"true\" WantAssertionsSigned=\"true\""
                + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:KeyDescriptor>"
                + "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>"
                + certificate + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                + " Location=\"" + ACS + "\" index=\"0\" isDefault=\"true\"/></md:SPSSODescriptor></md:EntityDescriptor>";
        String body = "{\"metadata\": " + json(metadata) + ", \"settings\": {\"nameIdFormat\": \"persistent\","
                + " \"requireSignedAuthnRequests\": true, \"attributes\": [{\"claim\": \"email\","
                + " \"name\": \"urn:oid:0.9.2342.19200300.100.1.3\", \"friendlyName\": \"mail\"}]" + extraSettings + "}}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/demo/saml-sps"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("registering " + entityId + ": " + created.statusCode() + " " + created.body());
        }
    }

    String adminToken(HttpClient http, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("arbor-admin:" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/admin/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=arbor%3Aadmin")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (token.statusCode() != 200 || !accessToken.find()) {
            throw new IllegalStateException("admin token: " + token.statusCode() + " " + token.body());
        }
        return accessToken.group(1);
    }

    private static byte[] pem(String file) throws Exception {
        String text = Files.readString(Path.of(file));
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
