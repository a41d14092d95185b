package dev.arbor.federation.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the core answers the browser with, rendered by a protocol adapter. */
public sealed interface ProtocolResponse {

    /** 303 See Other to {@code location}. */
    record Redirect(String location) implements ProtocolResponse {
    }

    /**
     * 302 Found to {@code location}: for a binding that names it, SAML HTTP-Artifact (SAML Bindings §3.6.3,
     * the artifact in the query string of an HTTP redirect).
     */
    record Found(String location) implements ProtocolResponse {
    }

    /**
     * An error shown to the user instead of redirecting, because the redirect target cannot be trusted
     * (RFC 6749 §4.1.2.1: unknown client, unregistered redirect URI).
     */
    record ErrorPage(int status, String message) implements ProtocolResponse {
    }

    /**
     * OAuth 2.0 Form Post Response Mode §2: a page whose form posts {@code parameters} to {@code action}
     * by itself ({@code script}, a same-origin file, so a strict CSP allows it) or by a button.
     */
    record FormPost(String action, Map<String, String> parameters, String script) implements ProtocolResponse {
        public FormPost {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * A popup's answer: a page whose {@code script} posts {@code {type: "authorization_response",
     * response}} to {@code window.opener}, only to {@code targetOrigin} (RFC 9700 §4.17).
     */
    record WebMessage(String targetOrigin, Map<String, String> response, String script) implements ProtocolResponse {
        public WebMessage {
            response = Collections.unmodifiableMap(new LinkedHashMap<>(response));
        }
    }
}
