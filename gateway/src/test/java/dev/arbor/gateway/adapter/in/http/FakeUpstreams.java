package dev.arbor.gateway.adapter.in.http;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small Vert.x HTTP servers on random ports standing in for the upstream services. Each echoes what
 * it received as JSON ({@code upstream, method, uri, host, xForwardedFor, xForwardedProto,
 * xForwardedHost, body}); a path ending in {@code /redirect} answers 303 with a Location and two
 * Set-Cookie headers; a path ending in {@code /unauthorized} answers 401. script-runner is "down":
 * its URL points at a port nobody listens on. A path ending in {@code /slow} answers after
 * {@link #SLOW_MILLIS}; the gateway's pool to each upstream is {@link #POOL_SIZE} connections.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    static final String REDIRECT_LOCATION = "/ui/login?realm=demo&flow=f%201";
    static final List<String> COOKIES = List.of(
            "arbor_session=s1; Path=/; HttpOnly; SameSite=Lax",
            "other=v; Path=/realms; Secure");

    /** Small on purpose: a leaked pooled connection shows at once. */
    static final int POOL_SIZE = 2;
    static final long SLOW_MILLIS = 1500;

    private static final List<String> LIVE = List.of("federation", "authtree", "token", "ui-server");

    /** How many {@code /slow} requests have reached an upstream. */
    static final AtomicInteger SLOW_ARRIVALS = new AtomicInteger();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String name : LIVE) {
            config.put("arbor.gateway.upstream." + name, "http://localhost:" + startServer(name));
        }
        config.put("arbor.gateway.upstream.script-runner", "http://localhost:" + unusedPort());
        config.put("arbor.gateway.connect-timeout", "PT2S");
        config.put("arbor.gateway.max-connections-per-upstream", String.valueOf(POOL_SIZE));
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int startServer(String name) {
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    if (request.path().endsWith("/slow")) {
                        SLOW_ARRIVALS.incrementAndGet();
                        vertx.setTimer(SLOW_MILLIS, t -> respond(name, request, body.toString()));
                    } else {
                        respond(name, request, body.toString());
                    }
                }));
        return server.listen(0).toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join()
                .actualPort();
    }

    private static void respond(String name, HttpServerRequest request, String body) {
        if (request.path().endsWith("/redirect")) {
            request.response().setStatusCode(303).putHeader("Location", REDIRECT_LOCATION)
                    .putHeader("Set-Cookie", COOKIES).end();
            return;
        }
        int status = request.path().endsWith("/unauthorized") ? 401 : 200;
        JsonObject echo = new JsonObject()
                .put("upstream", name)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("host", request.getHeader("Host"))
                .put("xForwardedFor", request.getHeader("X-Forwarded-For"))
                .put("xForwardedProto", request.getHeader("X-Forwarded-Proto"))
                .put("xForwardedHost", request.getHeader("X-Forwarded-Host"))
                .put("body", body);
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(echo.encode());
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
