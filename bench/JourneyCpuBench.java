import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
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
            BenchSupport.login(http, base);
        }
        // What the processes burn with no login at all (health checks, consumers polling, GC) over a
        // quiet window, subtracted pro rata below so only the logins' own CPU remains.
        Map<String, Long> idleBefore = BenchSupport.cpu(pids);
        long idleStart = System.nanoTime();
        Thread.sleep(15_000);
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        Map<String, Long> idleAfter = BenchSupport.cpu(pids);
        Map<String, Long> before = BenchSupport.cpu(pids);
        long start = System.nanoTime();
        for (int i = 0; i < logins; i++) {
            BenchSupport.login(http, base);
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        Map<String, Long> after = BenchSupport.cpu(pids);
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

    private static void argon2(byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(19456).withIterations(2)
                .withParallelism(1).withSalt(salt).build());
        generator.generateBytes("Wonderland-2026".toCharArray(), new byte[32]);
    }
}
