package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.config.ArborConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public URLs of a realm, all under {@code arbor.public-url}: the issuer identifier
 * (OIDC Discovery §4.3: {@code <public-url>/realms/<realm>}), its endpoints, the login and consent pages.
 */
@ApplicationScoped
public class RealmUrls {
    private final String publicUrl;

    public RealmUrls(ArborConfig config) {
        String url = config.publicUrl();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String issuer(String realm) {
        return publicUrl + "/realms/" + realm;
    }

    /** e.g. {@code endpoint("demo", "oauth2/token")}. */
    public String endpoint(String realm, String path) {
        return issuer(realm) + "/" + path;
    }

    public String loginPage(String realm, String flowId) {
        return publicUrl + "/ui/login?realm=" + encode(realm) + "&flow=" + encode(flowId);
    }

    /** The login page, with the RP's {@code ui_locales} (OIDC Core §3.1.2.1) when it sent some. */
    public String loginPage(String realm, String flowId, String uiLocales) {
        String page = loginPage(realm, flowId);
        return uiLocales == null || uiLocales.isBlank() ? page : page + "&ui_locales=" + encode(uiLocales);
    }

    /** The consent page of the default UI, with the RP's {@code ui_locales} when it sent some. */
    public String consentPage(String realm, String flowId, String uiLocales) {
        String page = publicUrl + "/ui/consent?realm=" + encode(realm) + "&flow=" + encode(flowId);
        return uiLocales == null || uiLocales.isBlank() ? page : page + "&ui_locales=" + encode(uiLocales);
    }

    public String resumeUrl(String realm, String flowId) {
        return endpoint(realm, "oauth2/authorize/resume") + "?flow=" + encode(flowId);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
