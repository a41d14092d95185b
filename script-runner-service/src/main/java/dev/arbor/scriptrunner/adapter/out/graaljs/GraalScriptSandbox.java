package dev.arbor.scriptrunner.adapter.out.graaljs;

import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import dev.arbor.scriptrunner.port.ScriptSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.jboss.logging.Logger;

/**
 * {@link ScriptSandbox} on GraalJS (community edition) under {@link SandboxPolicy#CONSTRAINED}:
 * host access only to {@code @HostAccess.Export} members of the three API objects, no class
 * lookup, IO, threads, native access, processes, environment or polyglot access; out/err go
 * nowhere. One shared {@link Engine} (parsed code is shared), one cached {@link Source} per script
 * version, and per realm a small pool of locked-down contexts (see lockdown.js) that are never
 * lent to another realm. Each run gets fresh API objects, a statement limit (reset per run) and a
 * wall-clock deadline enforced by a watchdog; a context that hit either is closed, not pooled.
 */
public final class GraalScriptSandbox implements ScriptSandbox, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GraalScriptSandbox.class);
    private static final int MAX_SOURCES = 4096;

    private final SandboxLimits limits;
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

    public GraalScriptSandbox(SandboxLimits limits) {
        this.limits = limits;
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
    public ScriptRun run(ScriptVersion script, Map<String, String> state) {
        if (script.source().length() > limits.maxSourceChars()) {
            return ScriptRun.failed(script.version(), ScriptErrorCode.LIMIT, "the script is "
                    + script.source().length() + " characters long; the limit is " + limits.maxSourceChars(),
                    Map.of(), List.of());
        }
        CachedSource source = source(script);
        RealmContext context = acquire(script.realm());
        StateApi stateApi = new StateApi(state, limits);
        ActionApi actionApi = new ActionApi();
        LogApi logApi = new LogApi(limits);
        Watch watch = new Watch(context);
        ScheduledFuture<?> deadline = watchdog.schedule(watch::fire, limits.deadline().toNanos(), TimeUnit.NANOSECONDS);
        ScriptRun run;
        boolean reusable;
        try {
            context.context().resetLimits();
            context.function(source.wrapped(), source.body()).executeVoid(stateApi, actionApi, logApi);
            run = actionApi.outcome()
                    .map(outcome -> ScriptRun.completed(script.version(), outcome, stateApi.patch(), logApi.lines()))
                    .orElseGet(() -> ScriptRun.failed(script.version(), ScriptErrorCode.RUNTIME,
                            "the script ended without calling action.goTo(outcome)", stateApi.patch(),
                            logApi.lines()));
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

    private CachedSource source(ScriptVersion script) {
        SourceKey key = new SourceKey(script.realm(), script.name(), script.version());
        CachedSource cached = sources.get(key);
        // Only a draft can change under the same key; a published version is immutable.
        if (cached == null || !cached.body().equals(script.source())) {
            if (sources.size() >= MAX_SOURCES) {
                sources.clear();
            }
            cached = new CachedSource(script.source(), Source.newBuilder("js",
                            "(function (state, action, log) {\"use strict\";\n" + script.source() + "\n})",
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
