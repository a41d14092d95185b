package dev.arbor.gateway.adapter.in.http;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two instances per upstream, as {@code ./arbor up --replicas 2} gives the gateway. Each live instance
 * is a tiny Vert.x server echoing {@code {upstream, instance, method, body}}.
 *
 * <ul>
 *   <li>authtree: instances 0 and 1 both up (alternation);</li>
 *   <li>federation: instance 0 up, instance 1 a port nobody listens on (failover);</li>
 *   <li>token: instance 0 up, instance 1 down until a test {@link #startLateTokenInstance() starts it} (recovery);</li>
 *   <li>script-runner: instance 0 down, instance 1 up (no retry of a streamed body);</li>
 *   <li>ui-server: one instance only (the single-URL form).</li>
 * </ul>
 */
public class ReplicatedUpstreams implements QuarkusTestResourceLifecycleManager {

    static final String DOWN_FOR = "PT1S";
    static final int BODY_LIMIT = 1024;

    private static Vertx vertx;
    private static int lateTokenPort;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        lateTokenPort = unusedPort();
        Map<String, String> config = new HashMap<>();
        config.put("arbor.gateway.upstream.authtree", url(startServer("authtree", 0)) + "," + url(startServer("authtree", 1)));
        config.put("arbor.gateway.upstream.federation", url(startServer("federation", 0)) + "," + url(unusedPort()));
        config.put("arbor.gateway.upstream.token", url(startServer("token", 0)) + "," + url(lateTokenPort));
        config.put("arbor.gateway.upstream.script-runner", url(unusedPort()) + "," + url(startServer("script-runner", 1)));
        config.put("arbor.gateway.upstream.ui-server", url(startServer("ui-server", 0)));
        config.put("arbor.gateway.connect-timeout", "PT2S");
        config.put("arbor.gateway.instance-down-for", DOWN_FOR);
        config.put("arbor.gateway.retry-body-limit", String.valueOf(BODY_LIMIT));
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Brings token's instance 1 up on the port the gateway was configured with. */
    static void startLateTokenInstance() {
        startServer("token", 1, lateTokenPort);
    }

    private static int startServer(String name, int instance) {
        return startServer(name, instance, 0);
    }

    private static int startServer(String name, int instance, int port) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject echo = new JsonObject()
                    .put("upstream", name)
                    .put("instance", instance)
                    .put("method", request.method().name())
                    .put("body", body.toString());
            request.response().putHeader("Content-Type", "application/json").end(echo.encode());
        }));
        return server.listen(port).toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join()
                .actualPort();
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
