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

/**
 * What the benchmark programs of this folder share: alice's login through the journey API and the CPU
 * time of each process of an instance. They run as multi-file source programs
 * ({@code java bench/X.java} finds this file next to them, JEP 458).
 */
final class BenchSupport {
    private static final Pattern AUTH_ID = Pattern.compile("\"authId\"\\s*:\\s*\"([^\"]+)\"");

    private BenchSupport() {
    }

    /** alice logs in through the journey API (start, username, password); {@code http} keeps the SSO cookie if it has a cookie handler. */
    static void login(HttpClient http, String base) throws Exception {
        String url = base + "/realms/demo/authenticate?tree=login";
        String step = post(http, url, "");
        step = post(http, url, fill(step, "alice"));
        String done = post(http, url, fill(step, "Wonderland-2026"));
        if (!done.contains("successUrl")) {
            throw new IllegalStateException("login failed: " + done);
        }
    }

    /** User + system CPU ticks (100 per second) of each process whose pid file is in {@code pids}, from /proc/{pid}/stat. */
    static Map<String, Long> cpu(Path pids) throws Exception {
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

    /** Puts {@code value} into the step's single input (IDToken1). */
    private static String fill(String step, String value) {
        return step.replaceFirst("(\"name\"\\s*:\\s*\"IDToken1\"\\s*,\\s*\"value\"\\s*:\\s*)\"[^\"]*\"",
                "$1\"" + Matcher.quoteReplacement(value) + "\"");
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || (!AUTH_ID.matcher(response.body()).find()
                && !response.body().contains("successUrl"))) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
