package dev.arbor.scriptrunner.adapter.out.worker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a worker process: the service's own {@code java} binary, the service's
 * class path, a small heap that ends the JVM when exhausted, and {@link SandboxWorkerMain}.
 *
 * <p>The class path: a packaged service (Quarkus fast-jar, {@code java -jar quarkus-app/quarkus-run.jar})
 * has only {@code quarkus-run.jar} on {@code java.class.path} and loads the rest with its own class
 * loader, so the worker gets {@code app/*}, {@code lib/main/*} and {@code lib/boot/*} next to it;
 * anywhere else (tests, the benchmark) {@code java.class.path} already lists everything.
 */
public record WorkerCommand(List<String> command) {
    static final String QUARKUS_RUNNER = "quarkus-run.jar";
    /** A worker's first JVM option. */
    public static final String MARKER = "-Darbor.sandbox.worker=true";

    public WorkerCommand {
        command = List.copyOf(command);
    }

    /**
     * @param maxHeap      the worker's {@code -Xmx}, e.g. {@code 64m}
     * @param extraOptions more JVM options, after the defaults (so they can override them)
     * @param classpath    the worker's class path when it cannot be derived (see the class comment)
     */
    public static WorkerCommand of(String maxHeap, List<String> extraOptions, Optional<String> classpath) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        // first, so it survives the 4 KiB cut of /proc/<pid>/cmdline: tells a worker apart in ps and ProcessHandle
        command.add(MARKER);
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        // "Terminating due to java.lang.OutOfMemoryError" and other VM messages must not reach stdout, the reply stream
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.add("-Dorg.jboss.logging.provider=jdk");
        command.add("-Djava.awt.headless=true");
        command.add("-Djava.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%6$s%n");
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(classpath.filter(cp -> !cp.isBlank()).orElseGet(WorkerCommand::serviceClasspath));
        command.add(SandboxWorkerMain.class.getName());
        return new WorkerCommand(command);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static String serviceClasspath() {
        String classpath = System.getProperty("java.class.path", "");
        Path runner = Path.of(classpath.split(File.pathSeparator)[0]).toAbsolutePath();
        if (classpath.endsWith(QUARKUS_RUNNER) && runner.getParent() != null
                && Files.isDirectory(runner.getParent().resolve("lib").resolve("main"))) {
            Path root = runner.getParent();
            return String.join(File.pathSeparator, root.resolve("app") + File.separator + "*",
                    root.resolve("lib").resolve("main") + File.separator + "*",
                    root.resolve("lib").resolve("boot") + File.separator + "*");
        }
        return classpath;
    }
}
