package dev.arbor.federation.adapter.out.http;

import dev.arbor.federation.config.LogoutConfig;
import dev.arbor.federation.port.BackchannelLogoutTransport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * {@link BackchannelLogoutTransport} with the JDK's HTTP client: {@code POST} with
 * {@code Content-Type: application/x-www-form-urlencoded} and the body {@code logout_token=...}
 * (Back-Channel Logout 1.0 §2.5). Redirects are not followed (§2.5 names one URI); the response body
 * is discarded. Neither the token nor the URI's query is logged.
 */
@ApplicationScoped
public class JdkBackchannelLogoutTransport implements BackchannelLogoutTransport {
    private static final Logger LOG = Logger.getLogger(JdkBackchannelLogoutTransport.class);

    private final HttpClient http;
    private final Duration timeout;

    public JdkBackchannelLogoutTransport(LogoutConfig config) {
        this.timeout = config.backchannelTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Uni<Delivery> post(String backchannelLogoutUri, String logoutToken) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(backchannelLogoutUri))
                    .timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cache-Control", "no-store")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8)))
                    .build();
        } catch (IllegalArgumentException e) {
            LOG.warnf("backchannel_logout_uri of host %s is not usable", host(backchannelLogoutUri));
            return Uni.createFrom().item(Delivery.REJECTED);
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> classify(response.statusCode()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("back-channel logout POST to %s failed: %s", host(backchannelLogoutUri),
                            failure.getClass().getSimpleName());
                    return Delivery.RETRYABLE;
                });
    }

    static Delivery classify(int status) {
        if (status >= 200 && status < 300) {
            return Delivery.DELIVERED;
        }
        return status >= 500 || status == 408 || status == 429 ? Delivery.RETRYABLE : Delivery.REJECTED;
    }

    static String host(String uri) {
        try {
            return String.valueOf(URI.create(uri).getHost());
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
