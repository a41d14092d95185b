package dev.arbor.federation.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny relying party standing in for RPs' back-channel logout endpoints (JDK HttpServer on a free
 * port): every path answers the status it was given ({@link #answer}, 200 by default) and records each
 * request's content type and {@code logout_token}.
 */
public final class BackchannelReceiver implements AutoCloseable {
    /** One request as the RP saw it. */
    public record Received(String method, String contentType, String logoutToken, String rawBody) {
    }

    private final HttpServer server;
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    public BackchannelReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(
                    exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    token(body), body));
            exchange.sendResponseHeaders(statuses.getOrDefault(path, 200), -1);
            exchange.close();
        });
        server.start();
    }

    public String uri(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(String path, int status) {
        statuses.put(path, status);
    }

    public List<Received> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    private static String token(String body) {
        for (String pair : body.split("&")) {
            if (pair.startsWith("logout_token=")) {
                return URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
