package dev.arbor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images cannot be built on these machines (no Docker engine, no registry), so the Dockerfiles are
 * checked as text: every Quarkus service has one, with the same hardening.
 */
class DockerfileTest {

    /** Service module → its HTTP (and gRPC) port, as in the chart and conventions. */
    static final Map<String, Integer> SERVICES = Map.of(
            "federation-service", 8081, "authtree-service", 8082, "token-service", 8083,
            "session-store-service", 8084, "script-runner-service", 8085, "ui-server", 8086, "gateway", 8080);

    static Stream<String> services() {
        return SERVICES.keySet().stream().sorted();
    }

    @Test
    void everyQuarkusServiceModuleHasADockerfileAndNoOtherModuleIsForgotten() throws IOException {
        TreeSet<String> quarkusApps = new TreeSet<>();
        try (Stream<Path> modules = Files.list(ArborChart.repoRoot())) {
            modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
                    .filter(m -> ArborChart.read(m.resolve("pom.xml")).contains("<artifactId>quarkus-maven-plugin</artifactId>"))
                    .map(m -> m.getFileName().toString())
                    .filter(name -> !name.equals("system-tests")) // a test harness, never deployed
                    .forEach(quarkusApps::add);
        }
        assertEquals(new TreeSet<>(SERVICES.keySet()), quarkusApps);
        quarkusApps.forEach(m -> assertTrue(Files.isRegularFile(dockerfile(m)), m + " has src/main/docker/Dockerfile.jvm"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void dockerfileRunsTheFastJarOnAJdk25RuntimeAsANumericNonRootUser(String service) {
        List<String> lines = instructions(service);

        String from = single(lines, "FROM");
        assertTrue(from.matches("FROM (eclipse-temurin:25(\\.[0-9.+_]+)?-jre.*|registry\\.access\\.redhat\\.com/ubi9/openjdk-25-runtime.*)"),
                service + ": JDK 25 runtime base, got " + from);
        Matcher user = Pattern.compile("USER (\\d+)(:\\d+)?").matcher(last(lines, "USER"));
        assertTrue(user.matches(), service + ": USER must be numeric (runAsNonRoot checks the uid)");
        assertTrue(Integer.parseInt(user.group(1)) > 0, service + ": USER must not be root");

        for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY ") && l.contains(layer)), service + " copies " + layer);
        }
        assertTrue(last(lines, "ENTRYPOINT").contains("quarkus-run.jar"), service + " runs quarkus-run.jar");
    }

    @ParameterizedTest
    @MethodSource("services")
    void dockerfileSizesTheHeapFromTheContainerAndWritesOnlyUnderTmp(String service) {
        String text = String.join("\n", instructions(service));

        assertTrue(text.contains("-XX:MaxRAMPercentage=" + heapPercentage(service)), service + ": MaxRAMPercentage");
        assertTrue(text.contains("-XX:+ExitOnOutOfMemoryError"), service + ": ExitOnOutOfMemoryError");
        assertTrue(text.contains("-Djava.io.tmpdir=/tmp"), service + ": temp files under /tmp (the chart's emptyDir)");
        assertTrue(text.contains("-Dvertx.cacheDirBase=/tmp"), service + ": Vert.x file cache under /tmp");
        assertTrue(!text.contains("-Xmx"), service + ": a fixed -Xmx would ignore the container's memory limit");
        assertTrue(!text.contains("VOLUME"), service + ": no VOLUME, the chart mounts what is writable");
    }

    @ParameterizedTest
    @MethodSource("services")
    void dockerfileExposesTheServicePort(String service) {
        assertEquals("EXPOSE " + SERVICES.get(service), single(instructions(service), "EXPOSE"));
    }

    @Test
    void allDockerfilesAreHardenedTheSameWay() {
        // Every Dockerfile is the same but for its name, port and heap share: one change of hardening reaches all seven.
        var normalised = new TreeSet<String>();
        services().forEach(s -> normalised.add(ArborChart.read(dockerfile(s))
                .replace(s, "<service>").replace("EXPOSE " + SERVICES.get(s), "EXPOSE <port>")
                .replace("MaxRAMPercentage=" + heapPercentage(s), "MaxRAMPercentage=<heap>")));
        assertEquals(1, normalised.size(), "Dockerfiles differ beyond name, port and heap share");
    }

    private static Path dockerfile(String service) {
        return ArborChart.repoRoot().resolve(service).resolve("src/main/docker/Dockerfile.jvm");
    }

    /** Instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(String service) {
        String text = ArborChart.read(dockerfile(service));
        String joined = Pattern.compile("\\\\\\n\\s*").matcher(text).replaceAll(" ");
        return joined.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String single(List<String> lines, String instruction) {
        List<String> found = lines.stream().filter(l -> l.startsWith(instruction + " ")).toList();
        assertEquals(1, found.size(), instruction + " lines: " + found);
        return found.getFirst();
    }

    private static String last(List<String> lines, String instruction) {
        return lines.stream().filter(l -> l.startsWith(instruction + " ")).reduce((a, b) -> b).orElse("");
    }

    /**
     * The daemon-less image build (Jib, quarkus-container-image-jib) makes the same image as the Dockerfile:
     * the extension is on the module, off by default, and configured with the same base, user and JVM flags.
     */
    @ParameterizedTest
    @MethodSource("services")
    void jibBuildsTheSameHardenedImageWithoutADockerDaemon(String service) throws IOException {
        Path module = ArborChart.repoRoot().resolve(service);
        assertTrue(ArborChart.read(module.resolve("pom.xml")).contains("<artifactId>quarkus-container-image-jib</artifactId>"),
                service + ": quarkus-container-image-jib");
        java.util.Properties props = new java.util.Properties();
        try (var in = Files.newInputStream(module.resolve("src/main/resources/application.properties"))) {
            props.load(in);
        }
        assertEquals("false", props.getProperty("quarkus.container-image.build"), service + ": no image on a plain build");
        assertTrue(props.getProperty("quarkus.jib.base-jvm-image", "").matches("eclipse-temurin:25(\\.[0-9.+_]+)?-jre.*"),
                service + ": Jib base is a JDK 25 runtime");
        assertEquals("185", props.getProperty("quarkus.jib.user"), service + ": the Dockerfile's non-root user");
        String jvm = props.getProperty("quarkus.jib.jvm-arguments", "");
        String dockerfile = ArborChart.read(dockerfile(service));
        for (String flag : List.of("-XX:MaxRAMPercentage=" + heapPercentage(service), "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=/tmp")) {
            assertTrue(jvm.contains(flag), service + ": Jib JVM flags carry " + flag);
            assertTrue(dockerfile.contains(flag), service + ": the Dockerfile carries " + flag);
        }
    }

    /**
     * The share of the container's memory limit the service's heap may take: 75 %, except script-runner-service,
     * whose container also holds its script worker JVMs.
     */
    private static int heapPercentage(String service) {
        return service.startsWith("script-runner") ? 35 : 75;
    }
}
