package dev.arbor.scriptrunner.adapter.out.graaljs;

import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings.AllowedHost;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * {@code http.fetch(url, {method, headers, body, timeoutMs})} → {@code {status, headers, body}}.
 * Only to hosts on the realm's allow-list, over https (plain http only where the allow-list entry
 * says {@code insecure: true}); the host is resolved first and refused when any of its addresses is
 * not public ({@link AddressPolicy}). Redirects are returned, not followed (a 3xx could point
 * anywhere). Timeout: {@code timeoutMs} or {@code arbor.sandbox.http.default-timeout}, never past the
 * run's deadline. The response body is capped; the number of fetches per run too. Synchronous:
 * the script waits, which is what a decision needs.
 *
 * <p>Known gap: the name is resolved by this check and again by the HTTP client, so a DNS server
 * that answers differently within milliseconds (DNS rebinding) could slip a private address past
 * the check. The allow-list is the primary control.
 */
public final class HttpApi {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final int MAX_URL = 2048;
    private static final int MAX_HEADERS = 32;

    private final List<AllowedHost> allowList;
    private final FetchPolicy policy;
    private final HttpClient client;
    private final long deadlineNanos;
    private int fetches;

    HttpApi(List<AllowedHost> allowList, FetchPolicy policy, HttpClient client, long deadlineNanos) {
        this.allowList = allowList;
        this.policy = policy;
        this.client = client;
        this.deadlineNanos = deadlineNanos;
    }

    @HostAccess.Export
    public Object fetch(Value url, Value... options) {
        URI uri = uri(url);
        AllowedHost allowed = allowList.stream().filter(a -> a.host().equalsIgnoreCase(uri.getHost())).findFirst()
                .orElseThrow(() -> refuse("host " + uri.getHost() + " is not on the realm's allow-list"));
        if (uri.getScheme().equalsIgnoreCase("http") && !allowed.insecure()) {
            throw refuse("plain http to " + uri.getHost() + " is not allowed; use https");
        }
        if (++fetches > policy.maxFetchesPerRun()) {
            throw refuse("a run may fetch at most " + policy.maxFetchesPerRun() + " times");
        }
        checkAddresses(uri.getHost());
        Value opts = options.length > 0 && options[0] != null && !options[0].isNull() ? options[0] : null;
        HttpRequest request = request(uri, opts);
        return send(request, request.timeout().orElseThrow());
    }

    private URI uri(Value url) {
        if (url == null || !url.isString() || url.asString().length() > MAX_URL) {
            throw refuse("url must be a string of at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(url.asString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw refuse("only https URLs can be fetched");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw refuse("url must name a host and no user info");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw refuse("url is not a valid URL");
        }
    }

    private void checkAddresses(String host) {
        if (policy.allowPrivateNetworks()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refuse("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String refusal = AddressPolicy.refusal(address);
            if (refusal != null) {
                throw refuse("host " + host + " resolves to a " + refusal + " address, which scripts may not reach");
            }
        }
    }

    private HttpRequest request(URI uri, Value opts) {
        String method = "GET";
        String body = null;
        Duration timeout = policy.defaultTimeout();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (opts != null) {
            if (!opts.hasMembers()) {
                throw refuse("options must be an object");
            }
            Value m = opts.getMember("method");
            if (m != null && !m.isNull()) {
                if (!m.isString() || !METHODS.contains(m.asString().toUpperCase(Locale.ROOT))) {
                    throw refuse("method must be one of " + METHODS.stream().sorted().toList());
                }
                method = m.asString().toUpperCase(Locale.ROOT);
            }
            Value b = opts.getMember("body");
            if (b != null && !b.isNull()) {
                if (!b.isString() || b.asString().length() > policy.maxRequestBodyChars()) {
                    throw refuse("body must be a string of at most " + policy.maxRequestBodyChars() + " characters");
                }
                body = b.asString();
            }
            Value t = opts.getMember("timeoutMs");
            if (t != null && !t.isNull()) {
                if (!t.isNumber() || !t.fitsInLong() || t.asLong() < 1) {
                    throw refuse("timeoutMs must be a positive whole number");
                }
                timeout = Duration.ofMillis(t.asLong());
            }
            headers(builder, opts.getMember("headers"));
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw refuse("no time left before the run's deadline");
        }
        Duration capped = timeout.compareTo(Duration.ofNanos(left)) < 0 ? timeout : Duration.ofNanos(left);
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(capped)
                .build();
    }

    private static void headers(HttpRequest.Builder builder, Value headers) {
        if (headers == null || headers.isNull()) {
            return;
        }
        if (!headers.hasMembers() || headers.getMemberKeys().size() > MAX_HEADERS) {
            throw refuse("headers must be an object of at most " + MAX_HEADERS + " string values");
        }
        for (String name : headers.getMemberKeys()) {
            Value value = headers.getMember(name);
            if (value == null || !value.isString()) {
                throw refuse("header " + name + " must be a string");
            }
            try {
                builder.header(name, value.asString());
            } catch (IllegalArgumentException e) {
                throw refuse("header " + name + " cannot be set");
            }
        }
    }

    private Object send(HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request,
                info -> new CappedBody(policy.maxResponseBytes()));
        try {
            HttpResponse<byte[]> done = response.get(timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(50),
                    TimeUnit.NANOSECONDS);
            Map<String, String> headers = new HashMap<>();
            done.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":") && !values.isEmpty()) {
                    headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.getFirst());
                }
            });
            return ProxyObject.fromMap(Map.of("status", done.statusCode(), "headers", new ReadOnlyProxy(headers),
                    "body", new String(done.body(), StandardCharsets.UTF_8)));
        } catch (TimeoutException e) {
            response.cancel(true);
            throw refuse("timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw refuse("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw refuse("the response is larger than " + policy.maxResponseBytes() + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw refuse("timed out after " + timeout.toMillis() + " ms");
            }
            throw refuse("the request to " + request.uri().getHost() + " failed ("
                    + Optional.ofNullable(cause).map(c -> c.getClass().getSimpleName()).orElse("error") + ")");
        }
    }

    private static ScriptApiException refuse(String why) {
        return new ScriptApiException("http.fetch: " + why);
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Collects the body up to {@code cap} bytes; past it, cancels the exchange. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final int cap;
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if (body.size() + buffer.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                body.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}
