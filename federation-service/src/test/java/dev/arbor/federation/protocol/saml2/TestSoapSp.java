package dev.arbor.federation.protocol.saml2;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.soap.soap11.Body;
import org.opensaml.soap.soap11.Envelope;

/**
 * An SP's SOAP SingleLogoutService (SAML Bindings §3.2) on a free port (JDK HttpServer): it reads the
 * LogoutRequest from the envelope, checks the IdP's signature on it, and answers as told — a signed
 * LogoutResponse with {@link #status}, or HTTP 500 (a SOAP fault) when {@link #fail} is set.
 */
public final class TestSoapSp implements AutoCloseable {
    private final HttpServer server;
    private final String entityId;
    /** The LogoutRequests received whose IdP signature verified. */
    public final List<LogoutRequest> received = new CopyOnWriteArrayList<>();
    public volatile String status = SamlStatus.SUCCESS;
    public volatile boolean fail;

    public TestSoapSp(String entityId) {
        this.entityId = entityId;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] answer;
            int code = 200;
            try {
                Envelope envelope = SamlXml.unmarshall(body, Envelope.class);
                LogoutRequest request = (LogoutRequest) envelope.getBody().getUnknownXMLObjects().getFirst();
                SpView.verifySignature(request, SamlTestKeys.IDP_SIGNING.certificate());
                received.add(request);
                if (fail) {
                    throw new IllegalStateException("told to fail");
                }
                TestLogoutMessages reply = TestLogoutMessages.response(request.getID());
                reply.issuer = this.entityId;
                reply.destination = null;
                reply.key = SamlTestKeys.SP2_SIGNING;
                reply.status = status;
                var response = reply.buildResponse();
                reply.signed(response);
                Envelope out = SamlResponseBuilder.build(Envelope.DEFAULT_ELEMENT_NAME);
                Body outBody = SamlResponseBuilder.build(Body.DEFAULT_ELEMENT_NAME);
                outBody.getUnknownXMLObjects().add(response);
                out.setBody(outBody);
                answer = SamlXml.serialize(out).getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException | AssertionError e) {
                code = 500;
                answer = "<fault/>".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(code, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slo";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
