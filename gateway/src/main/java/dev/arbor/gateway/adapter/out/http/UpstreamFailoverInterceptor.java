package dev.arbor.gateway.adapter.out.http;

import dev.arbor.gateway.adapter.out.http.UpstreamMetrics.Result;
import dev.arbor.gateway.domain.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.OptionalInt;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Passive failover between the instances of one upstream. A request whose body is small enough
 * ({@code Content-Length} at most the limit, or no body) is read into memory first; if the instance
 * {@link UpstreamOrigin} picked refuses the connection — so nothing of the request was sent — the same
 * request goes once to the next instance that is not marked down. A request with a larger or chunked
 * body is streamed as before and never sent twice: its bytes are gone once read.
 *
 * <p>A failure after the connection was opened (reset, timeout) is not retried: the instance may have
 * acted on the request. Must be the <em>last</em> interceptor: a retry calls
 * {@link ProxyContext#sendRequest()} again, which then goes straight to the origin.
 */
final class UpstreamFailoverInterceptor implements ProxyInterceptor {

    static final String INSTANCE_HEADER = "X-Arbor-Upstream-Instance";
    private static final Logger LOG = Logger.getLogger(UpstreamFailoverInterceptor.class);
    private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Upstream upstream;
    private final UpstreamOrigin origin;
    private final UpstreamMetrics metrics;
    private final long bodyLimit;
    private final boolean instanceHeader;

    UpstreamFailoverInterceptor(Upstream upstream, UpstreamOrigin origin, UpstreamMetrics metrics, long bodyLimit,
            boolean instanceHeader) {
        this.upstream = upstream;
        this.origin = origin;
        this.metrics = metrics;
        this.bodyLimit = bodyLimit;
        this.instanceHeader = instanceHeader;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return bufferBody(context.request()).compose(replayable -> attempt(context)
                .recover(error -> retryElsewhere(context, replayable, error)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Integer instance = context.get(UpstreamOrigin.INSTANCE, Integer.class);
        if (instanceHeader && instance != null) {
            context.response().headers().set(INSTANCE_HEADER, instance.toString());
        }
        return context.sendResponse();
    }

    private Future<ProxyResponse> attempt(ProxyContext context) {
        return context.sendRequest()
                .onSuccess(response -> {
                    int instance = context.get(UpstreamOrigin.INSTANCE, Integer.class);
                    metrics.count(upstream, instance, Result.OK);
                    if (LOG.isDebugEnabled()) {
                        LOG.debugf("%s %s served by upstream %s instance %d", context.request().getMethod(),
                                context.request().proxiedRequest().path(), upstream, instance);
                    }
                })
                .onFailure(error -> {
                    Integer refusedBy = context.get(UpstreamOrigin.REFUSED_BY, Integer.class);
                    Integer opened = context.get(UpstreamOrigin.INSTANCE, Integer.class);
                    if (refusedBy != null) {
                        metrics.count(upstream, refusedBy, Result.REFUSED);
                    } else if (opened != null) {
                        metrics.count(upstream, opened, Result.ERROR);
                    }
                });
    }

    private Future<ProxyResponse> retryElsewhere(ProxyContext context, boolean replayable, Throwable error) {
        Integer refusedBy = context.get(UpstreamOrigin.REFUSED_BY, Integer.class);
        if (refusedBy == null || context.get(UpstreamOrigin.RETRY_TO, Integer.class) != null) {
            return Future.failedFuture(error); // sent (or already retried once): not ours to repeat
        }
        OptionalInt other = origin.instances().nextAfter(refusedBy);
        if (!replayable || other.isEmpty()) {
            LOG.debugf("upstream %s instance %d refused the connection; no retry (%s)", upstream, refusedBy,
                    replayable ? "no other instance up" : "body not buffered");
            return Future.failedFuture(error);
        }
        LOG.infof("upstream %s instance %d refused the connection (%s); sending the request to instance %d",
                upstream, refusedBy, error.getMessage(), other.getAsInt());
        context.set(UpstreamOrigin.RETRY_TO, other.getAsInt());
        return attempt(context);
    }

    /**
     * Reads a body of known, small length into memory so it can be sent twice; completes with whether
     * the request can be replayed. HTTP/2 carries no {@code Content-Length} for a request without a body
     * (its HEADERS frame ends the stream), so a GET, HEAD or OPTIONS of unknown length is read to its end
     * (empty in practice, at most the limit) and is replayable like any bodiless request.
     */
    private Future<Boolean> bufferBody(ProxyRequest request) {
        Body body = request.getBody();
        long length = body == null ? 0 : body.length();
        HttpServerRequest client = request.proxiedRequest();
        if (length < 0) {
            if (client.version() == HttpVersion.HTTP_2) {
                return BODILESS.contains(client.method()) ? readAll(request, body, -1) : Future.succeededFuture(false);
            }
            // HTTP/1.x without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3)
            return Future.succeededFuture(!client.headers().contains(HttpHeaders.TRANSFER_ENCODING));
        }
        if (length == 0) {
            return Future.succeededFuture(true);
        }
        if (length > bodyLimit) {
            return Future.succeededFuture(false);
        }
        return readAll(request, body, length);
    }

    /** Reads the body into memory (at most the limit) and sets it back on the request; {@code length} -1: unknown. */
    private Future<Boolean> readAll(ProxyRequest request, Body body, long length) {
        Buffer collected = Buffer.buffer(length > 0 ? (int) length : 0);
        if (length < 0 && request.proxiedRequest().isEnded()) {
            // an HTTP/2 request whose HEADERS frame ended the stream: no body, and nothing left to read
            request.setBody(Body.body(collected));
            return Future.succeededFuture(true);
        }
        Promise<Boolean> read = Promise.promise();
        ReadStream<Buffer> stream = body.stream();
        stream.exceptionHandler(read::tryFail);
        stream.handler(chunk -> {
            collected.appendBuffer(chunk);
            if (collected.length() > bodyLimit) {
                read.tryFail(new IllegalStateException("request body over " + bodyLimit + " bytes"));
            }
        });
        stream.endHandler(end -> {
            request.setBody(Body.body(collected));
            read.tryComplete(true);
        });
        stream.resume();
        return read.future();
    }
}
