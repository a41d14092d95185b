package dev.arbor.federation.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a client may, or must, do at the authorization endpoint: the response modes it may ask for
 * (default: all of {@link ResponseMode}) and whether it must push its requests first
 * (RFC 9126 §6, {@code require_pushed_authorization_requests}), and whether the user must consent to
 * the scopes it asks for before it gets a code (docs/guides/consent.md; a remembered grant counts).
 */
public record AuthorizationPolicy(Set<ResponseMode> responseModes, boolean requirePushedAuthorizationRequests,
                                  boolean consentRequired) {
    public static final AuthorizationPolicy DEFAULTS = new AuthorizationPolicy(EnumSet.allOf(ResponseMode.class), false);

    /** A client that needs no consent. */
    public AuthorizationPolicy(Set<ResponseMode> responseModes, boolean requirePushedAuthorizationRequests) {
        this(responseModes, requirePushedAuthorizationRequests, false);
    }

    public AuthorizationPolicy {
        responseModes = responseModes == null || responseModes.isEmpty()
                ? EnumSet.allOf(ResponseMode.class) : EnumSet.copyOf(responseModes);
        responseModes = Set.copyOf(responseModes);
    }

    /** @throws IllegalArgumentException naming an unknown mode */
    public static Set<ResponseMode> modes(List<String> names) {
        Set<ResponseMode> modes = EnumSet.noneOf(ResponseMode.class);
        for (String name : names) {
            modes.add(ResponseMode.of(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown response mode " + name + "; use " + String.join(", ", ResponseMode.names()))));
        }
        return modes;
    }

    /** The same rules with consent required or not. */
    public AuthorizationPolicy withConsentRequired(boolean value) {
        return new AuthorizationPolicy(responseModes, requirePushedAuthorizationRequests, value);
    }

    public boolean allows(ResponseMode mode) {
        return responseModes.contains(mode);
    }

    /** The modes in their declaration order, for storage and the admin API. */
    public List<String> responseModeNames() {
        return ResponseMode.ALL.stream().filter(responseModes::contains).map(ResponseMode::value).toList();
    }
}
