package dev.arbor.authtree.adapter.in.rest;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.journey.JourneyOutcome;
import dev.arbor.authtree.node.Callback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link JourneyOutcome} into AM-shaped JSON, and success into the {@code arbor_session} cookie. */
@ApplicationScoped
public class JourneyResponses {
    static final String COOKIE = "arbor_session";
    private static final String HEADER = "Sign In";

    private final boolean secureCookie;
    private final MemoryCookies memoryCookies;
    private final RealmCookieSites sites;

    public JourneyResponses(ArborConfig config, MemoryCookies memoryCookies, RealmCookieSites sites) {
        this.secureCookie = config.publicUrl().toLowerCase(java.util.Locale.ROOT).startsWith("https:");
        this.memoryCookies = memoryCookies;
        this.sites = sites;
    }

    public Response toResponse(JourneyOutcome outcome) {
        return switch (outcome) {
            case JourneyOutcome.Step step -> json(200, new JourneyJson.Step(step.authId(), HEADER, "", step.stage(),
                    callbacks(step.callbacks())));
            case JourneyOutcome.Succeeded ok -> succeeded(ok);
            case JourneyOutcome.Failed failed -> json(401, JourneyJson.Failure.LOGIN_FAILURE);
        };
    }

    /** The session cookie, then one cookie per node result remembered with store {@code cookie}. */
    private Response succeeded(JourneyOutcome.Succeeded ok) {
        Response.ResponseBuilder response = Response.ok(new JourneyJson.Success(ok.successUrl(), ok.realm()),
                        MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.SET_COOKIE, cookie(ok.realm(), ok.sessionId()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        ok.nodeCookies().forEach(c -> response.header(HttpHeaders.SET_COOKIE, memoryCookies.setCookie(ok.realm(), c)));
        return response.build();
    }

    /**
     * RFC 6265 §4.1 cookie; {@code SameSite} as the realm's {@code ui.cookies} says ({@link
     * dev.arbor.authtree.domain.realm.CookieSite}), {@code Secure} when the public URL is https or the mode needs it.
     */
    String cookie(String realm, String sessionId) {
        return COOKIE + "=" + sessionId + "; Path=/; HttpOnly; " + sites.of(realm).attributes(secureCookie);
    }

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(body).build();
    }

    private static List<JourneyJson.CallbackJson> callbacks(List<Callback> callbacks) {
        List<JourneyJson.CallbackJson> out = new ArrayList<>();
        for (int i = 0; i < callbacks.size(); i++) {
            Callback c = callbacks.get(i);
            List<JourneyJson.NameValue> output = c.output().stream()
                    .map(f -> new JourneyJson.NameValue(f.name(), f.value())).toList();
            List<JourneyJson.NameValue> input = c.input() == null ? List.of() // read-only callback
                    : List.of(new JourneyJson.NameValue(c.inputName() != null ? c.inputName() : "IDToken" + (i + 1),
                            c.input()));
            out.add(new JourneyJson.CallbackJson(c.type(), output, input, i));
        }
        return out;
    }
}
