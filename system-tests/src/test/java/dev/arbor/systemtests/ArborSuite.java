package dev.arbor.systemtests;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the whole suite exactly as an operator would, with {@code ./arbor up --detach}, before the
 * relying party of these tests starts, and stops it with {@code ./arbor down} afterwards. Each run
 * gets its own instance: a fresh database, fresh Redis key prefixes and its own Kafka data, all
 * under {@code system-tests/target/arbor-state} (logs included, for when a test fails).
 *
 * <p>Init argument {@value #REPLICAS} (default 1) starts that many replicas of every service behind the
 * gateway ({@code ./arbor up --replicas N}); a test class asking for it gets a suite of its own.
 */
public class ArborSuite implements QuarkusTestResourceLifecycleManager {
    static final String PUBLIC_URL = "http://localhost:8080";
    static final String ALICE_PASSWORD = "Wonderland-2026";
    static final String REPLICAS = "replicas";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path STATE = Path.of("target", "arbor-state").toAbsolutePath();

    static String adminSecret;
    private static ArborSuite current;
    private String instance;
    private String replicas = "1";

    @Override
    public void init(Map<String, String> initArgs) {
        replicas = initArgs.getOrDefault(REPLICAS, "1");
    }

    @Override
    public Map<String, String> start() {
        var random = new SecureRandom();
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        instance = "arbor_st_" + HexFormat.of().formatHex(bytes);
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        adminSecret = HexFormat.of().formatHex(secret);
        var up = new ArrayList<>(List.of(ROOT.resolve("arbor").toString(), "up", "--detach"));
        if (!replicas.equals("1")) {
            up.addAll(List.of("--replicas", replicas));
        }
        run(up, Duration.START);
        current = this;
        warmUp();
        return Map.of();
    }

    /**
     * One login over HTTP before any test: the first journey after start-up opens the services' gRPC
     * channels on cold JVMs, and on a loaded 2-core machine that first call can pass its deadline (503
     * "A dependency is unavailable"). The tests check the suite warm; the cold first call is not theirs.
     */
    private static void warmUp() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                new CodeFlow().loginAndGetCode("alice", ALICE_PASSWORD);
                return;
            } catch (AssertionError | RuntimeException e) {
                System.out.println("warm-up login " + attempt + " failed: " + e.getMessage());
            }
        }
    }

    /**
     * Runs {@code ./arbor <arguments>} against the running instance, e.g. {@code replica
     * federation-service --port 18281} to start a second replica (stopped by {@code ./arbor down}).
     */
    static void launcher(String... arguments) {
        var command = new ArrayList<>(List.of(ROOT.resolve("arbor").toString()));
        command.addAll(List.of(arguments));
        current.run(command, Duration.START);
    }

    /**
     * Kills (SIGKILL, no shutdown hook, no draining) a process of the running instance by its launcher
     * name: {@code authtree-service}, or {@code authtree-service@28082} for a replica.
     */
    static void kill(String processName) {
        try {
            long pid = Long.parseLong(Files.readString(STATE.resolve("pids").resolve(processName + ".pid")).trim());
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(processName + " (pid " + pid + ") is not running"));
            process.destroyForcibly();
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + processName, e);
        }
    }

    @Override
    public void stop() {
        try {
            run(List.of(ROOT.resolve("arbor").toString(), "down"), Duration.STOP);
        } finally {
            dropDatabase();
        }
    }

    private enum Duration {
        START(600), STOP(120);
        final int seconds;

        Duration(int seconds) {
            this.seconds = seconds;
        }
    }

    private void run(List<String> command, Duration limit) {
        try {
            Files.createDirectories(STATE);
            Path log = STATE.resolve("launcher-" + String.join("-", command.subList(1, Math.min(3, command.size()))) + ".log");
            var builder = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of(
                    "ARBOR_STATE_DIR", STATE.toString(),
                    "ARBOR_INSTANCE", instance,
                    "ARBOR_ADMIN_CLIENT_SECRET", adminSecret));
            Process process = builder.start();
            if (!process.waitFor(limit.seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " took longer than " + limit.seconds + "s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void dropDatabase() {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + instance + " WITH (FORCE)");
        } catch (Exception e) {
            throw new IllegalStateException("could not drop the system-test database " + instance, e);
        }
    }
}
