package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.protocol.oauth2.OAuth2Exception;
import dev.arbor.federation.protocol.oauth2.RealmUrls;
import dev.arbor.federation.protocol.oidc.EndSessionEndpoint;
import dev.arbor.federation.protocol.oidc.LogoutOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenID Connect RP-Initiated Logout 1.0 — {@code end_session_endpoint}, by GET and by POST (form, §2).
 * Maps HTTP to {@link EndSessionEndpoint} and renders its outcome: the confirmation page with a CSRF
 * token bound to this browser (a random value in a {@code SameSite=Strict} cookie and in the form,
 * compared in constant time), the signed-out page or 303, and error pages. A logout clears the
 * {@code arbor_session} cookie and every per-node memory cookie the browser sent.
 */
@Path("/realms/{realm}/oauth2/logout")
public class LogoutResource {
    static final String SESSION_COOKIE = "arbor_session";
    static final String CSRF_COOKIE = "arbor_logout_csrf";
    static final String CSRF_FIELD = "arbor_logout_csrf";
    private static final String NODE_COOKIE = "arbor_nr_";
    private static final String HOST_NODE_COOKIE = "__Host-arbor_nr_";
    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int CSRF_MAX_AGE_SECONDS = 600;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RealmGuard realms;
    private final EndSessionEndpoint endpoint;
    private final RealmUrls urls;
    private final boolean secure;

    public LogoutResource(RealmGuard realms, EndSessionEndpoint endpoint, RealmUrls urls, ArborConfig config) {
        this.realms = realms;
        this.endpoint = endpoint;
        this.urls = urls;
        this.secure = config.publicUrl().toLowerCase(Locale.ROOT).startsWith("https:");
    }

    @GET
    public Uni<Response> logout(@PathParam("realm") String realm, @Context UriInfo uri, @Context HttpHeaders headers,
                                @CookieParam(SESSION_COOKIE) String session) {
        Map<String, List<String>> parameters;
        try {
            parameters = Forms.parseQuery(uri.getRequestUri().getRawQuery());
        } catch (OAuth2Exception e) {
            return Uni.createFrom().item(error("The request is malformed."));
        }
        return handle(realm, parameters, session, EndSessionEndpoint.Via.QUERY, headers);
    }

    /** The body is read raw: the framework's form reader fails with a 500 on broken percent-encoding. */
    @POST
    public Uni<Response> logoutByPost(@PathParam("realm") String realm,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
                                      @Context HttpHeaders headers, @CookieParam(SESSION_COOKIE) String session,
                                      @CookieParam(CSRF_COOKIE) String csrfCookie) {
        Map<String, List<String>> parameters;
        try {
            parameters = new HashMap<>(Forms.parse(contentType, body));
        } catch (OAuth2Exception e) {
            return Uni.createFrom().item(error("The request is malformed."));
        }
        List<String> csrf = parameters.remove(CSRF_FIELD);
        if (csrf == null) {
            return handle(realm, parameters, session, EndSessionEndpoint.Via.FORM, headers); // an RP's request
        }
        if (csrf.size() != 1 || !sameSecret(csrf.getFirst(), csrfCookie)) {
            return Uni.createFrom().item(error("This sign-out confirmation has expired; start again from the application."));
        }
        return handle(realm, parameters, session, EndSessionEndpoint.Via.CONFIRMATION, headers);
    }

    private Uni<Response> handle(String realm, Map<String, List<String>> parameters, String session,
                                 EndSessionEndpoint.Via via, HttpHeaders headers) {
        return realms.require(realm)
                .chain(v -> endpoint.endSession(realm, parameters, session, via))
                .map(outcome -> render(realm, outcome, headers));
    }

    private Response render(String realm, LogoutOutcome outcome, HttpHeaders headers) {
        return switch (outcome) {
            case LogoutOutcome.Invalid invalid -> error(invalid.message());
            case LogoutOutcome.Confirm confirm -> {
                String token = randomToken();
                String action = urls.endpoint(realm, "oauth2/logout");
                List<String> targets = new java.util.ArrayList<>(List.of(action));
                confirm.request().postLogoutRedirectUri().ifPresent(targets::add);
                yield html(200, LogoutPages.confirm(action, confirm.request(), token),
                        LogoutPages.csp(Set.of(), LogoutPages.origins(targets)))
                        .header(HttpHeaders.SET_COOKIE, csrfCookie(realm, token, CSRF_MAX_AGE_SECONDS))
                        .build();
            }
            case LogoutOutcome.LoggedOut out -> {
                Response.ResponseBuilder response;
                if (out.frontchannelUris().isEmpty() && out.continueTo().isPresent()) {
                    response = Response.status(Response.Status.SEE_OTHER).header("Location", out.continueTo().get())
                            .header("Cache-Control", "no-store");
                } else {
                    response = html(200, LogoutPages.signedOut(out.frontchannelUris(), out.continueTo(), out.uiLocales()),
                            LogoutPages.csp(LogoutPages.origins(out.frontchannelUris()), Set.of()));
                }
                clearedCookies(realm, headers).forEach(c -> response.header(HttpHeaders.SET_COOKIE, c));
                yield response.build();
            }
        };
    }

    /** The SSO cookie, each per-node memory cookie sent, and the CSRF cookie: Max-Age=0, same attributes. */
    private List<String> clearedCookies(String realm, HttpHeaders headers) {
        Map<String, Cookie> sent = headers.getCookies();
        List<String> cleared = new java.util.ArrayList<>();
        cleared.add(expire(SESSION_COOKIE, secure));
        sent.keySet().stream().sorted().forEach(name -> {
            if (!COOKIE_NAME.matcher(name).matches()) {
                return;
            }
            if (name.startsWith(HOST_NODE_COOKIE)) {
                cleared.add(expire(name, true)); // RFC 6265bis §4.1.3.2: __Host- cookies are always Secure
            } else if (name.startsWith(NODE_COOKIE)) {
                cleared.add(expire(name, secure));
            }
        });
        if (sent.containsKey(CSRF_COOKIE)) {
            cleared.add(csrfCookie(realm, "", 0));
        }
        return cleared;
    }

    private String expire(String name, boolean secureCookie) {
        return name + "=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax" + (secureCookie ? "; Secure" : "");
    }

    private String csrfCookie(String realm, String value, int maxAge) {
        return CSRF_COOKIE + "=" + value + "; Max-Age=" + maxAge + "; Path=/realms/" + realm
                + "/oauth2/logout; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static Response error(String message) {
        return html(400, LogoutPages.error(message), LogoutPages.csp(Set.of(), Set.of())).build();
    }

    private static Response.ResponseBuilder html(int status, String page, String csp) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", csp)
                // the page's URL may hold id_token_hint: never sent on to the front-channel iframes
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .entity(page);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean sameSecret(String presented, String expected) {
        if (presented == null || expected == null || presented.isEmpty() || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

}
