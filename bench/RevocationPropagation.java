import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Revocation propagation (issue #3 item 7): how long after an RFC 7009 revocation returns does each
 * federation replica answer {"active":false} for the token (RFC 7662)?
 *
 * <p>Per round: a client_credentials token from the first replica; introspected once at every replica
 * (so each has the realm's JWK Set cached and says active:true); revoked at the first replica; at the
 * instant the revoke call returns, one thread per replica starts polling introspection back to back
 * and stops at the first inactive answer. The delay is from the revoke call's return to the arrival
 * of that answer, so it includes one introspection round trip (its p50 is printed as the resolution);
 * the p50 from the return to the moment that answering request was sent is printed as a lower bound.
 *
 * <pre>
 * java bench/RevocationPropagation.java [rounds] [warm-up] [replica-url...]
 *   defaults: 200 rounds, 20 warm-up, http://127.0.0.1:8081 http://127.0.0.1:18281
 *   the first replica issues and revokes; realm demo, client demo-service (env BENCH_CLIENT, BENCH_SECRET)
 * </pre>
 */
public class RevocationPropagation {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String INACTIVE = "{\"active\":false}";
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private final List<String> replicas;
    private final String auth;
    private final String realm = System.getenv().getOrDefault("BENCH_REALM", "demo");
    private final List<HttpClient> pollers = new ArrayList<>();
    private final HttpClient control = client();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    RevocationPropagation(List<String> replicas) {
        this.replicas = replicas;
        String id = System.getenv().getOrDefault("BENCH_CLIENT", "demo-service");
        String secret = System.getenv().getOrDefault("BENCH_SECRET", "demo-service-secret");
        this.auth = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        replicas.forEach(r -> pollers.add(client()));
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<String> replicas = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : List.of("http://127.0.0.1:8081", "http://127.0.0.1:18281");
        var bench = new RevocationPropagation(replicas);
        try {
            bench.run(warmUp);
            long[][] delays = bench.run(rounds);
            long[] rtt = bench.introspectionRoundTrips(200);
            System.out.printf("revocation propagation: %d revocations at %s, %d warm-up%n", rounds, replicas.get(0), warmUp);
            System.out.printf("%-28s %9s %9s %9s %18s%n", "replica", "p50 ms", "p99 ms", "max ms", "p50 ms (asked at)");
            for (int r = 0; r < replicas.size(); r++) {
                long[] d = delays[r];
                long[] s = bench.sent[r];
                Arrays.sort(d);
                Arrays.sort(s);
                System.out.printf("%-28s %9.2f %9.2f %9.2f %18.2f%n", replicas.get(r), ms(pct(d, 50)), ms(pct(d, 99)),
                        ms(d[d.length - 1]), ms(pct(s, 50)));
            }
            Arrays.sort(rtt);
            System.out.printf("resolution: one introspection round trip, p50 %.2f ms, p99 %.2f ms%n", ms(pct(rtt, 50)), ms(pct(rtt, 99)));
        } finally {
            bench.threads.shutdownNow();
        }
    }

    /** delays[replica][round] in nanoseconds until the inactive answer arrived; sent[replica][round] until it was asked. */
    private long[][] sent;

    long[][] run(int rounds) throws Exception {
        long[][] delays = new long[replicas.size()][rounds];
        sent = new long[replicas.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            String token = issue();
            for (int r = 0; r < replicas.size(); r++) {
                String body = introspect(pollers.get(r), replicas.get(r), token);
                if (!body.contains("\"active\":true")) {
                    throw new IllegalStateException(replicas.get(r) + " does not accept a fresh token: " + body);
                }
            }
            var go = new CountDownLatch(1);
            long[] revokedAt = new long[1];
            List<Future<long[]>> answers = new ArrayList<>();
            for (int r = 0; r < replicas.size(); r++) {
                HttpClient poller = pollers.get(r);
                String replica = replicas.get(r);
                answers.add(threads.submit(() -> {
                    go.await();
                    long deadline = revokedAt[0] + GIVE_UP.toNanos();
                    while (System.nanoTime() < deadline) {
                        long asked = System.nanoTime();
                        if (INACTIVE.equals(introspect(poller, replica, token))) {
                            return new long[] {System.nanoTime() - revokedAt[0], Math.max(0, asked - revokedAt[0])};
                        }
                    }
                    throw new IllegalStateException(replica + " still says active " + GIVE_UP + " after the revocation");
                }));
            }
            revoke(token);
            revokedAt[0] = System.nanoTime();
            go.countDown();
            for (int r = 0; r < replicas.size(); r++) {
                long[] answer = answers.get(r).get();
                delays[r][round] = answer[0];
                sent[r][round] = answer[1];
            }
        }
        return delays;
    }

    long[] introspectionRoundTrips(int n) throws Exception {
        String token = issue();
        long[] rtt = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            introspect(pollers.get(pollers.size() - 1), replicas.get(replicas.size() - 1), token);
            rtt[i] = System.nanoTime() - start;
        }
        return rtt;
    }

    private String issue() throws Exception {
        String body = post(control, replicas.get(0) + "/realms/" + realm + "/oauth2/token", "grant_type=client_credentials", 200);
        Matcher m = ACCESS_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no access_token in " + body);
        }
        return m.group(1);
    }

    private void revoke(String token) throws Exception {
        post(control, replicas.get(0) + "/realms/" + realm + "/oauth2/revoke", "token=" + enc(token), 200);
    }

    private String introspect(HttpClient client, String replica, String token) throws Exception {
        return post(client, replica + "/realms/" + realm + "/oauth2/introspect", "token=" + enc(token), 200);
    }

    private String post(HttpClient client, String url, String form, int expected) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
