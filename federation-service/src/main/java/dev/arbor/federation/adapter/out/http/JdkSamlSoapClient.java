package dev.arbor.federation.adapter.out.http;

import dev.arbor.federation.config.LogoutConfig;
import dev.arbor.federation.port.SamlSoapClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link SamlSoapClient} with the JDK's HTTP client (SAML Bindings §3.2.3): {@code text/xml}, an empty
 * {@code SOAPAction}, no redirects, {@code arbor.logout.backchannel-timeout} for the whole exchange.
 * Answers larger than the largest SAML document accepted are not read.
 */
@ApplicationScoped
public class JdkSamlSoapClient implements SamlSoapClient {
    private static final int MAX_ANSWER_BYTES = 512 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    public JdkSamlSoapClient(LogoutConfig config) {
        this.timeout = config.backchannelTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Uni<byte[]> call(String url, byte[] envelope) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "http://www.oasis-open.org/committees/security")
                    .header("Cache-Control", "no-cache, no-store")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new IOException("the SOAP endpoint URL is not usable"));
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new SoapCallFailed("the SOAP endpoint answered " + response.statusCode());
                    }
                    if (response.body().length > MAX_ANSWER_BYTES) {
                        throw new SoapCallFailed("the SOAP answer is too large");
                    }
                    return response.body();
                });
    }

    /** A SOAP exchange that did not give an answer to read. */
    static final class SoapCallFailed extends RuntimeException {
        SoapCallFailed(String message) {
            super(message, null, false, false);
        }
    }
}
