package dev.arbor.scriptrunner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration of script-runner-service (keys under {@code arbor.}). */
@ConfigMapping(prefix = "arbor")
public interface ScriptRunnerConfig {
    /** {@code arbor.public-url}: public base URL of the suite; the admin realm's issuer is {@code <public-url>/realms/admin}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Realms realms();

    Admin admin();

    Sandbox sandbox();

    ScriptCache scriptCache();

    /**
     * {@code arbor.script-cache.*}: the per-replica cache of published script versions in front of
     * PostgreSQL (see {@code CachingScriptRepository} for why it needs no invalidation).
     */
    interface ScriptCache {
        /** Published versions kept per replica; the least used leave first. */
        @WithDefault("1000")
        long maxVersions();

        /** How long "latest published" (version 0) stays resolved to one version number. */
        @WithDefault("PT5S")
        Duration latestTtl();
    }

    /** {@code arbor.admin.*}: verifying admin API tokens against the admin realm's keys from token-service. */
    interface Admin {
        /** How long the admin realm's JWK Set is used before it is fetched again. */
        @WithDefault("PT5M")
        Duration jwksCacheTtl();

        /** An unknown {@code kid} refetches the set at most this often (forged kids cannot hammer token-service). */
        @WithDefault("PT30S")
        Duration jwksRefetchInterval();

        /** Deadline of the GetJwks call. */
        @WithDefault("PT2S")
        Duration peerTimeout();
    }

    /** {@code arbor.sandbox.http.*}: the limits of {@code http.fetch} (docs/reference/script-api.md). */
    interface Http {
        /**
         * Let allow-listed hosts resolve to loopback, link-local, private or unique-local addresses.
         * Tests and closed networks only: it opens the service's own network to scripts.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /** Timeout of one fetch when the script gives none; never past the run's deadline. */
        @WithDefault("PT2S")
        Duration defaultTimeout();

        /** Largest response body read; larger: the fetch fails. */
        @WithDefault("262144")
        int maxResponseBytes();

        @WithDefault("5")
        int maxFetchesPerRun();

        @WithDefault("65536")
        int maxRequestBodyChars();
    }

    /** Where scripts run: {@code process} (worker JVMs with small heaps) or {@code in-process} (the service's heap). */
    enum Isolation { PROCESS, IN_PROCESS }

    /** {@code arbor.sandbox.workers.*}: the worker processes of {@code isolation=process} (docs/guides/scripts.md). */
    interface Workers {
        /** Worker JVMs kept running; also the number of scripts that run at the same time. */
        @WithDefault("2")
        int count();

        /** Each worker's {@code -Xmx}: the memory one script can use before it is stopped with LIMIT. */
        @WithDefault("64m")
        String maxHeap();

        /** More JVM options for the workers (comma-separated), after the defaults. */
        Optional<List<String>> jvmOptions();

        /** The workers' class path; by default derived from the service's own (fast-jar or java.class.path). */
        Optional<String> classpath();

        /** A worker that has not answered this long after the run's deadline is killed (TIMEOUT) and replaced. */
        @WithDefault("PT1S")
        Duration deadlineGrace();

        /** How long a worker may take to start and warm up before it is killed and tried again. */
        @WithDefault("PT60S")
        Duration startTimeout();

        /**
         * How long a worker may take to get a run ready (a realm's first run builds its context)
         * before the script's deadline starts; past it the worker is killed (TIMEOUT) and replaced.
         */
        @WithDefault("PT10S")
        Duration prepareTimeout();

        /** How long a run waits for a free worker before it gives up with TIMEOUT. */
        @WithDefault("PT5S")
        Duration acquireTimeout();
    }

    /** {@code arbor.sandbox.*}: the limits of one script run (docs/guides/scripts.md). */
    interface Sandbox {
        Http http();

        /**
         * {@code process} (default): runs go to a pool of worker JVMs ({@link Workers}) whose small heap
         * bounds what one script can allocate; {@code in-process}: in the service's own heap, which
         * nothing but the statement limit, the deadline and the engine's string limit bounds.
         */
        @WithDefault("process")
        Isolation isolation();

        Workers workers();

        /** Statements one run may execute (GraalJS ResourceLimits); past it: LIMIT. */
        @WithDefault("1000000")
        long statementLimit();

        /** Wall-clock deadline of one run, enforced by a watchdog; past it: TIMEOUT. */
        @WithDefault("PT0.5S")
        Duration deadline();

        /** Longest script source accepted, in characters; longer: LIMIT without running it. */
        @WithDefault("65536")
        int maxSourceChars();

        /** log.* lines kept per run; more are counted, not kept. */
        @WithDefault("20")
        int maxLogLines();

        /** Characters kept per log line. */
        @WithDefault("500")
        int maxLogLineLength();

        /** Keys one run may write with state.put. */
        @WithDefault("32")
        int maxStateEntries();

        /** Characters of one state value written by state.put. */
        @WithDefault("4096")
        int maxStateValueLength();

        /** Warm contexts kept per realm (a context is never shared between realms). */
        @WithDefault("4")
        int contextsPerRealm();
    }

    interface Realms {
        /**
         * {@code arbor.realms.dir}: folder of realm YAML files whose {@code scripts:} sections are
         * imported at start-up; relative paths resolve against the working directory.
         */
        @WithDefault("deploy/local/realms")
        Path dir();
    }
}
