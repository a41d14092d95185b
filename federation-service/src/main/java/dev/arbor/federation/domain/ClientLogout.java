package dev.arbor.federation.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a client takes part in logout:
 * <ul>
 *   <li>{@code postLogoutRedirectUris} — OpenID Connect RP-Initiated Logout 1.0 §3.1: where the browser
 *       may be sent after a logout the client asked for, compared as strings, exactly (§2);</li>
 *   <li>{@code frontchannelLogoutUri} (+ {@code frontchannelLogoutSessionRequired}) — Front-Channel
 *       Logout 1.0 §2: loaded in an iframe of the logout page;</li>
 *   <li>{@code backchannelLogoutUri} (+ {@code backchannelLogoutSessionRequired}) — Back-Channel
 *       Logout 1.0 §2.2: receives a logout token by POST whenever a session the client took part in ends.</li>
 * </ul>
 * Every URI is absolute and has no fragment (§2.2 of both: "MUST NOT include any fragment").
 */
public record ClientLogout(List<String> postLogoutRedirectUris, Optional<String> frontchannelLogoutUri,
                           boolean frontchannelLogoutSessionRequired, Optional<String> backchannelLogoutUri,
                           boolean backchannelLogoutSessionRequired) {

    /** A client that registered nothing for logout. */
    public static final ClientLogout NONE = new ClientLogout(List.of(), Optional.empty(), false, Optional.empty(),
            false);

    public ClientLogout {
        postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        frontchannelLogoutUri = frontchannelLogoutUri == null ? Optional.empty() : frontchannelLogoutUri;
        backchannelLogoutUri = backchannelLogoutUri == null ? Optional.empty() : backchannelLogoutUri;
        postLogoutRedirectUris.forEach(uri -> requireHttpWithoutFragment("post-logout redirect URI", uri));
        frontchannelLogoutUri.ifPresent(uri -> requireHttpWithoutFragment("frontchannelLogoutUri", uri));
        backchannelLogoutUri.ifPresent(uri -> requireHttpWithoutFragment("backchannelLogoutUri", uri));
    }

    /** RP-Initiated Logout 1.0 §3: "MUST exactly match" — no normalisation, no prefix matching. */
    public boolean hasPostLogoutRedirectUri(String uri) {
        return uri != null && postLogoutRedirectUris.contains(uri);
    }

    /**
     * @throws IllegalArgumentException unless {@code uri} is an absolute http(s) URI without a fragment
     */
    public static void requireHttpWithoutFragment(String what, String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!parsed.isAbsolute() || parsed.getRawFragment() != null || parsed.getHost() == null
                    || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException(what + " " + uri + " is not an absolute http(s) URI without a fragment");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URI");
        }
    }
}
