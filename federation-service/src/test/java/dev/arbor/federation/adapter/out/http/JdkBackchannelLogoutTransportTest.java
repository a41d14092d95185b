package dev.arbor.federation.adapter.out.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.arbor.federation.config.LogoutConfig;
import dev.arbor.federation.port.BackchannelLogoutTransport.Delivery;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One back-channel POST and how its outcome is classified (Back-Channel Logout 1.0 §2.5, §2.8). */
class JdkBackchannelLogoutTransportTest {
    private final JdkBackchannelLogoutTransport transport = new JdkBackchannelLogoutTransport(new LogoutConfig() {
        @Override
        public List<Duration> backchannelRetryDelays() {
            return List.of(Duration.ZERO);
        }

        @Override
        public Duration backchannelTimeout() {
            return Duration.ofMillis(500);
        }
    });
    private final AtomicReference<String> body = new AtomicReference<>();
    private HttpServer rp;

    @BeforeEach
    void startRp() throws Exception {
        rp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rp.createContext("/", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes()));
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = switch (path) {
                case "/no-content" -> 204;
                case "/bad" -> 400;
                case "/down" -> 503;
                case "/redirect" -> 302;
                default -> 200;
            };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        rp.start();
    }

    @AfterEach
    void stopRp() {
        rp.stop(0);
    }

    private Delivery post(String path) {
        return transport.post("http://127.0.0.1:" + rp.getAddress().getPort() + path, "a.b+c/d")
                .await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void twoHundredsAreDeliveredAndTheTokenIsFormEncoded() {
        assertEquals(Delivery.DELIVERED, post("/ok"));
        assertEquals("logout_token=a.b%2Bc%2Fd", body.get());
        assertEquals(Delivery.DELIVERED, post("/no-content"));
    }

    @Test
    void clientErrorsAndRedirectsAreRejectedServerErrorsRetryable() {
        assertEquals(Delivery.REJECTED, post("/bad"));
        assertEquals(Delivery.REJECTED, post("/redirect"));
        assertEquals(Delivery.RETRYABLE, post("/down"));
    }

    @Test
    void aTimeoutOrNoConnectionIsRetryableNeverAFailure() throws Exception {
        assertEquals(Delivery.RETRYABLE, post("/slow"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(Delivery.RETRYABLE, transport.post("http://127.0.0.1:" + closedPort + "/x", "t")
                .await().atMost(Duration.ofSeconds(5)));
        assertEquals(Delivery.REJECTED, transport.post("not a uri", "t").await().atMost(Duration.ofSeconds(5)));
    }
}
