package dev.arbor.federation.domain;

/** What the core answers the browser with, rendered by a protocol adapter. */
public sealed interface ProtocolResponse {

    /** 303 See Other to {@code location}. */
    record Redirect(String location) implements ProtocolResponse {
    }

    /**
     * An error shown to the user instead of redirecting, because the redirect target cannot be trusted
     * (RFC 6749 §4.1.2.1: unknown client, unregistered redirect URI).
     */
    record ErrorPage(int status, String message) implements ProtocolResponse {
    }
}
