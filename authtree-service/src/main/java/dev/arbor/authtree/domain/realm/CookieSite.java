package dev.arbor.authtree.domain.realm;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a realm's login UI runs relative to Arbor, and so how its cookies ({@code arbor_session}, the node
 * memory cookies) are sent: realm YAML {@code ui.cookies}.
 *
 * <ul>
 *   <li>{@link #SAME_SITE} (default): the default UI, or a customer UI under the same site as Arbor (for
 *       instance login.example.com and id.example.com, or Arbor behind the customer's reverse proxy).
 *       {@code SameSite=Lax} (RFC 6265bis §5.4.7): the cookie is never sent on a cross-site subrequest,
 *       which is the CSRF defence the journey API and federation rely on.</li>
 *   <li>{@link #CROSS_SITE}: a customer UI on another site calls the journey API with
 *       {@code credentials: 'include'}; a Lax cookie would not travel with that fetch, so remembered
 *       results and SSO would be lost. {@code SameSite=None; Secure} (browsers refuse {@code None} without
 *       {@code Secure}). The journey API's CORS allow-list and {@code X-Arbor-Client} header stay the CSRF
 *       defence. Browsers that block third-party cookies still drop them: first-party is the robust mode.</li>
 * </ul>
 */
public enum CookieSite {
    SAME_SITE("same-site"), CROSS_SITE("cross-site");

    private final String value;

    CookieSite(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static CookieSite of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ui.cookies: '" + value + "' is not one of "
                        + Arrays.stream(values()).map(CookieSite::value).collect(Collectors.joining(", "))));
    }

    /**
     * The cookie attributes after {@code Path=/; HttpOnly}: the SameSite mode, and {@code Secure} when the
     * public URL is https or the mode needs it.
     */
    public String attributes(boolean https) {
        return switch (this) {
            case SAME_SITE -> "SameSite=Lax" + (https ? "; Secure" : "");
            case CROSS_SITE -> "SameSite=None; Secure";
        };
    }
}
