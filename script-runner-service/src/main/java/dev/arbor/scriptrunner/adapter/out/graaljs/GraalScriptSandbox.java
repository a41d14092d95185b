package dev.arbor.scriptrunner.adapter.out.graaljs;

import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.admin.SyntaxProblem;
import dev.arbor.scriptrunner.domain.execution.LogEntry;
import dev.arbor.scriptrunner.domain.execution.ScriptCallback;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import dev.arbor.scriptrunner.port.ScriptSandbox;
import dev.arbor.scriptrunner.port.ScriptSyntaxChecker;
import java.net.http.HttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.io.IOAccess;
import org.jboss.logging.Logger;

/**
 * {@link ScriptSandbox} on GraalJS (community edition) under {@link SandboxPolicy#CONSTRAINED}:
 * host access only to {@code @HostAccess.Export} members of the Script API objects, no class
 * lookup, IO, threads, native access, processes, environment or polyglot access; out/err go
 * nowhere. One shared {@link Engine} (parsed code is shared), one cached {@link Source} per script
 * version, and per realm a small pool of locked-down contexts (see lockdown.js) that are never
 * lent to another realm. Each run gets fresh API objects, a statement limit (reset per run) and a
 * wall-clock deadline enforced by a watchdog; a context that hit either is closed, not pooled.
 */
public final class GraalScriptSandbox implements ScriptSandbox, ScriptSyntaxChecker, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GraalScriptSandbox.class);
    private static final int MAX_SOURCES = 4096;
    /** The Script API objects, in the order the wrapper function takes them (lockdown.js checks bodies with the same names). */
    private static final String WRAPPER_HEAD =
            "(function (state, action, log, request, callbacks, http, secrets, util) {\"use strict\";\n";
    private static final UtilApi UTIL = new UtilApi();

    private final SandboxLimits limits;
    private final FetchPolicy fetchPolicy;
    private final Function<String, ScriptRealmSettings> realmSettings;
    private final HttpClient http;
    private final Object syntaxLock = new Object();
    private RealmContext syntaxContext;
    private final Engine engine;
    private final Source lockdown;
    private final Map<SourceKey, CachedSource> sources = new ConcurrentHashMap<>();
    private final Map<String, Deque<RealmContext>> pools = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "script-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private record SourceKey(String realm, String name, int version) {
    }

    private record CachedSource(String body, Source wrapped) {
    }

    /** No network and no secrets for any realm (tests, the benchmark). */
    public GraalScriptSandbox(SandboxLimits limits) {
        this(limits, FetchPolicy.DEFAULTS, realm -> ScriptRealmSettings.NONE);
    }

    /** @param realmSettings a realm's allow-list and secrets ({@link ScriptRealmSettings#NONE} when it has none) */
    public GraalScriptSandbox(SandboxLimits limits, FetchPolicy fetchPolicy,
                              Function<String, ScriptRealmSettings> realmSettings) {
        this.limits = limits;
        this.fetchPolicy = fetchPolicy;
        this.realmSettings = realmSettings;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(fetchPolicy.defaultTimeout())
                .build();
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.lockdown = Source.newBuilder("js", resource("/scriptrunner/lockdown.js"), "arbor-lockdown.js")
                .buildLiteral();
    }

    @Override
    public ScriptRun run(ScriptVersion script, ScriptInput input) {
        return run(script, input, Optional.ofNullable(realmSettings.apply(script.realm()))
                .orElse(ScriptRealmSettings.NONE));
    }

    /**
     * Runs with the realm's settings given by the caller: a worker process ({@code SandboxWorkerMain})
     * has no realm registry and receives them with each run request.
     */
    public ScriptRun run(ScriptVersion script, ScriptInput input, ScriptRealmSettings settings) {
        return run(script, input, settings, () -> { });
    }

    /**
     * @param started called when the script's deadline starts, i.e. after its realm's context is
     *                ready (a new context and a first parse are not the script's time); not called
     *                when the script is refused before that
     */
    public ScriptRun run(ScriptVersion script, ScriptInput input, ScriptRealmSettings settings, Runnable started) {
        SecretRedactor redactor = SecretRedactor.of(settings.secrets().values());
        return redact(runIn(script, input, settings, redactor, started), redactor);
    }

    private ScriptRun runIn(ScriptVersion script, ScriptInput input, ScriptRealmSettings settings,
                            SecretRedactor redactor, Runnable started) {
        if (script.source().length() > limits.maxSourceChars()) {
            return ScriptRun.failed(script.version(), ScriptErrorCode.LIMIT, "the script is "
                    + script.source().length() + " characters long; the limit is " + limits.maxSourceChars(),
                    Map.of(), List.of());
        }
        CachedSource source = source(script);
        RealmContext context = acquire(script.realm());
        StateApi stateApi = new StateApi(input.state(), limits);
        ActionApi actionApi = new ActionApi();
        LogApi logApi = new LogApi(limits, redactor);
        CallbacksApi callbacks = new CallbacksApi(input.answers());
        HttpApi httpApi = new HttpApi(settings.httpAllowList(), fetchPolicy, http,
                System.nanoTime() + limits.deadline().toNanos());
        started.run();
        Watch watch = new Watch(context);
        ScheduledFuture<?> deadline = watchdog.schedule(watch::fire, limits.deadline().toNanos(), TimeUnit.NANOSECONDS);
        ScriptRun run;
        boolean reusable;
        try {
            context.context().resetLimits();
            context.function(source.wrapped(), source.body()).executeVoid(stateApi, actionApi, logApi,
                    new RequestApi(input), callbacks, httpApi, new SecretsApi(settings.secrets()), UTIL);
            run = ended(script, actionApi, callbacks, stateApi, logApi);
            reusable = watch.finish();
        } catch (PolyglotException e) {
            boolean timedOut = !watch.finish();
            GuestErrors.Classified error = GuestErrors.classify(e, timedOut, context.statementLimitHit(), limits);
            run = ScriptRun.failed(script.version(), error.code(), error.message(), stateApi.patch(), logApi.lines());
            reusable = !timedOut && !e.isCancelled() && !e.isInterrupted() && !e.isResourceExhausted()
                    && !e.isInternalError();
            if (error.code() == ScriptErrorCode.RUNTIME && e.isHostException()
                    && !(e.asHostException() instanceof ScriptApiException)) {
                LOG.warnf("script %s/%s v%d: host error in the script API: %s", script.realm(), script.name(),
                        script.version(), e.asHostException().toString());
            }
        } catch (RuntimeException e) {
            watch.finish();
            LOG.errorf("script %s/%s v%d: sandbox failure: %s", script.realm(), script.name(), script.version(),
                    e.toString());
            run = ScriptRun.failed(script.version(), ScriptErrorCode.RUNTIME, "the script could not be run",
                    stateApi.patch(), logApi.lines());
            reusable = false;
        } finally {
            deadline.cancel(false);
        }
        release(context, reusable);
        return run;
    }

    /** A run decides (goTo) or asks (callbacks), never both; doing neither is an error as before callbacks existed. */
    private static ScriptRun ended(ScriptVersion script, ActionApi action, CallbacksApi callbacks, StateApi state,
                                   LogApi log) {
        List<ScriptCallback> asked = callbacks.asked();
        if (action.outcome().isPresent() && !asked.isEmpty()) {
            return ScriptRun.failed(script.version(), ScriptErrorCode.RUNTIME, "the script both asked (callbacks.*)"
                    + " and decided (action.goTo); a run does one or the other", state.patch(), log.lines());
        }
        if (action.outcome().isPresent()) {
            return ScriptRun.completed(script.version(), action.outcome().get(), state.patch(), log.lines());
        }
        if (!asked.isEmpty()) {
            return ScriptRun.asking(script.version(), asked, state.patch(), log.lines());
        }
        return ScriptRun.failed(script.version(), ScriptErrorCode.RUNTIME,
                "the script ended without calling action.goTo(outcome)", state.patch(), log.lines());
    }

    /** No secret's value leaves a run in clear: logs are redacted as written, the rest here. */
    private static ScriptRun redact(ScriptRun run, SecretRedactor redactor) {
        if (redactor == SecretRedactor.NONE) {
            return run;
        }
        Map<String, String> patch = new LinkedHashMap<>();
        run.statePatch().forEach((key, value) -> patch.put(key, redactor.redact(value)));
        List<ScriptCallback> callbacks = run.callbacks().stream().map(c -> new ScriptCallback(c.kind(), c.id(),
                redactor.redact(c.prompt()), c.choices().stream().map(redactor::redact).toList(), c.value())).toList();
        List<LogEntry> logs = run.logs().stream()
                .map(line -> new LogEntry(line.level(), redactor.redact(line.message()))).toList();
        return new ScriptRun(run.version(), run.outcome(), patch, logs,
                run.error().map(e -> new ScriptRun.Failure(e.code(), redactor.redact(e.message()))), callbacks);
    }

    /**
     * Parses {@code body} as the sandbox runs it, without running it: first wrapped (for the line and
     * column of a plain syntax error), then on its own (a body that closes the wrapper parses when
     * wrapped but is refused at run time).
     */
    @Override
    public Optional<SyntaxProblem> check(String body) {
        Source wrapped = Source.newBuilder("js", WRAPPER_HEAD + body + "\n})", "script.js").buildLiteral();
        synchronized (syntaxLock) {
            try {
                if (syntaxContext == null) {
                    syntaxContext = newContext("\u0000syntax-check");
                }
                syntaxContext.context().resetLimits();
                syntaxContext.context().parse(wrapped);
                syntaxContext.checkBody(body);
                return Optional.empty();
            } catch (PolyglotException e) {
                if (!e.isSyntaxError()) {
                    LOG.warnf("syntax check failed unexpectedly: %s", e.getClass().getSimpleName());
                    syntaxContext.close();
                    syntaxContext = null;
                    return Optional.of(new SyntaxProblem("the source could not be checked", 0, 0));
                }
                SourceSection at = e.getSourceLocation();
                boolean inBody = at != null && at.getSource() != null && "script.js".equals(at.getSource().getName())
                        && at.getStartLine() >= 2;
                String message = firstLine(e.getMessage());
                return Optional.of(inBody
                        ? new SyntaxProblem(message, at.getStartLine() - 1, at.getStartColumn())
                        : new SyntaxProblem("the body must be complete statements: " + message, 0, 0));
            }
        }
    }

    private static String firstLine(String message) {
        String line = message == null ? "syntax error" : message.lines().findFirst().orElse("syntax error");
        line = line.replaceFirst("^(SyntaxError: )?\\S+:\\d+:\\d+\\s+", "$1");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    private CachedSource source(ScriptVersion script) {
        SourceKey key = new SourceKey(script.realm(), script.name(), script.version());
        CachedSource cached = sources.get(key);
        // Only a draft can change under the same key; a published version is immutable.
        if (cached == null || !cached.body().equals(script.source())) {
            if (sources.size() >= MAX_SOURCES) {
                sources.clear();
            }
            cached = new CachedSource(script.source(), Source.newBuilder("js",
                            WRAPPER_HEAD + script.source() + "\n})",
                            script.realm() + "/" + script.name() + "/v" + script.version() + ".js")
                    .cached(true)
                    .buildLiteral());
            sources.put(key, cached);
        }
        return cached;
    }

    private RealmContext acquire(String realm) {
        Deque<RealmContext> pool = pools.computeIfAbsent(realm, r -> new ArrayDeque<>());
        synchronized (pool) {
            RealmContext pooled = pool.pollFirst();
            if (pooled != null) {
                return pooled;
            }
        }
        return newContext(realm);
    }

    private void release(RealmContext context, boolean reusable) {
        Deque<RealmContext> pool = pools.get(context.realm());
        if (reusable && pool != null) {
            synchronized (pool) {
                if (pool.size() < limits.contextsPerRealm()) {
                    pool.addFirst(context);
                    return;
                }
            }
        }
        context.close();
    }

    private RealmContext newContext(String realm) {
        RealmContext[] holder = new RealmContext[1];
        ResourceLimits perContext = ResourceLimits.newBuilder()
                .statementLimit(limits.statementLimit(), null)
                .onLimit(event -> {
                    if (holder[0] != null) {
                        holder[0].markStatementLimitHit();
                    }
                })
                .build();
        Context context = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .in(InputStream.nullInputStream())
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowValueSharing(false)
                .resourceLimits(perContext)
                .build();
        try {
            RealmContext realmContext = new RealmContext(realm, context, context.eval(lockdown));
            holder[0] = realmContext;
            return realmContext;
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        synchronized (syntaxLock) {
            if (syntaxContext != null) {
                syntaxContext.close();
            }
        }
        http.close();
        pools.values().forEach(pool -> {
            synchronized (pool) {
                pool.forEach(RealmContext::close);
                pool.clear();
            }
        });
        engine.close(true);
    }

    private static String resource(String name) {
        try (InputStream in = GraalScriptSandbox.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The deadline of one run. {@link #finish} and {@link #fire} race under one lock: if the run
     * finished first the watchdog does nothing; if the watchdog fired first the context is
     * interrupted (then cancelled if the guest does not stop) and never returns to the pool, so a
     * late interrupt can never hit the next run.
     */
    private final class Watch {
        private final RealmContext context;
        private boolean finished;
        private boolean fired;

        Watch(RealmContext context) {
            this.context = context;
        }

        /** @return true when the run finished before the deadline fired. */
        synchronized boolean finish() {
            finished = true;
            return !fired;
        }

        void fire() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                fired = true;
            }
            try {
                context.context().interrupt(java.time.Duration.ofMillis(100));
            } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
                context.close();
            }
        }
    }
}
