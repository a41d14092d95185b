package dev.arbor.federation.port;

import io.smallrye.mutiny.Uni;

/** SAML Bindings §3.2 — SOAP 1.1 over HTTP, for back-channel Single Logout. */
public interface SamlSoapClient {

    /**
     * POSTs the envelope ({@code text/xml}, {@code SOAPAction}); fails on a non-200 answer (a SOAP fault
     * is a 500), a timeout or no connection.
     *
     * @return the answer's envelope
     */
    Uni<byte[]> call(String url, byte[] envelope);
}
