import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Server CPU of one username + password login through the journey API, and how much of it is the
 * Argon2id hash. Runs `logins` sequential logins of tree `login` (NameCallback, then PasswordCallback)
 * against a running instance and reads each service's CPU time (utime + stime from /proc/<pid>/stat)
 * before and after; then times the same Argon2id (m=19456 KiB, t=2, p=1, 32 bytes) in this JVM.
 *   java -cp <bcprov.jar> bench/JourneyCpuBench.java <base-url> <pids-dir> <warm-up> <logins>
 */
public class JourneyCpuBench {
    private static final Pattern AUTH_ID = Pattern.compile("\"authId\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--argon2-only")) {
            argon2Report();
            return;
        }
        String base = args[0];
        Path pids = Path.of(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        int logins = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < warmUp; i++) {
            login(http, base);
        }
        // What the processes burn with no login at all (health checks, consumers polling, GC) over a
        // quiet window, subtracted pro rata below so only the logins' own CPU remains.
        Map<String, Long> idleBefore = cpu(pids);
        long idleStart = System.nanoTime();
        Thread.sleep(15_000);
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        Map<String, Long> idleAfter = cpu(pids);
        Map<String, Long> before = cpu(pids);
        long start = System.nanoTime();
        for (int i = 0; i < logins; i++) {
            login(http, base);
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        Map<String, Long> after = cpu(pids);
        long tick = 10; // USER_HZ = 100 on Linux: one clock tick is 10 ms
        System.out.printf("%d logins (username + password, 3 journey requests each), %.1f ms wall per login%n",
                logins, wallMs / logins);
        System.out.printf("%-24s %14s %14s %16s%n", "process", "CPU ms/login", "idle ms/s", "net ms/login");
        double total = 0;
        for (String name : before.keySet()) {
            double ms = (after.get(name) - before.get(name)) * tick / (double) logins;
            double idlePerSecond = (idleAfter.get(name) - idleBefore.get(name)) * tick / idleSeconds;
            double net = Math.max(0, ms - idlePerSecond * (wallMs / 1000.0) / logins);
            total += net;
            if (ms > 0.05) {
                System.out.printf("%-24s %14.2f %14.2f %16.2f%n", name, ms, idlePerSecond, net);
            }
        }
        System.out.printf("%-24s %14s %14s %16.2f%n", "all services", "", "", total);
        argon2Report();
    }

    /** CPU of one Argon2id hash in this JVM: 7 batches of 20 after 40 warm-up hashes; min and median. */
    static void argon2Report() {
        var threads = ManagementFactory.getThreadMXBean();
        byte[] salt = new byte[16];
        for (int i = 0; i < 40; i++) {
            argon2(salt);
        }
        double[] batches = new double[7];
        for (int b = 0; b < batches.length; b++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 20; i++) {
                argon2(salt);
            }
            batches[b] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / 20;
        }
        java.util.Arrays.sort(batches);
        System.out.printf("%-24s %14.2f (min %.2f, max %.2f over 7 batches of 20)%n", "Argon2id alone (1 hash)",
                batches[3], batches[0], batches[6]);
    }

    private static void login(HttpClient http, String base) throws Exception {
        String url = base + "/realms/demo/authenticate?tree=login";
        String step = post(http, url, "");
        step = post(http, url, fill(step, "alice"));
        String done = post(http, url, fill(step, "Wonderland-2026"));
        if (!done.contains("successUrl")) {
            throw new IllegalStateException("login failed: " + done);
        }
    }

    /** Puts {@code value} into the step's single input (IDToken1). */
    private static String fill(String step, String value) {
        return step.replaceFirst("(\"name\"\\s*:\\s*\"IDToken1\"\\s*,\\s*\"value\"\\s*:\\s*)\"[^\"]*\"",
                "$1\"" + Matcher.quoteReplacement(value) + "\"");
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || (!AUTH_ID.matcher(response.body()).find() && !response.body().contains("successUrl"))) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static Map<String, Long> cpu(Path pids) throws Exception {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (var files = Files.list(pids)) {
            for (Path file : files.sorted().toList()) {
                String pid = Files.readString(file).strip();
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(file.getFileName().toString().replace(".pid", ""),
                        Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        }
        return ticks;
    }

    private static void argon2(byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(19456).withIterations(2)
                .withParallelism(1).withSalt(salt).build());
        generator.generateBytes("Wonderland-2026".toCharArray(), new byte[32]);
    }
}
