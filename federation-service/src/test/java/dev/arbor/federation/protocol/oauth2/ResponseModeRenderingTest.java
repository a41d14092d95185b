package dev.arbor.federation.protocol.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.ResponseMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseModeRenderingTest {
    private static final String ISS = "https://id.example/realms/demo";

    @Test
    void originOfARedirectUriDropsPathQueryAndDefaultPortAndLowercasesHost() {
        assertEquals("https://app.example.com", AuthorizationResponses.origin("https://App.Example.com:443/cb?x=1"));
        assertEquals("http://localhost:9999", AuthorizationResponses.origin("http://localhost:9999/spa/callback"));
        assertEquals("http://a.example", AuthorizationResponses.origin("HTTP://a.example:80/"));
    }

    @Test
    void fragmentModeReplacesAnyFragmentAndKeepsTheQuery() {
        ProtocolResponse r = AuthorizationResponses.code(ResponseMode.FRAGMENT, "https://rp.example/cb?t=a", "c1", "s", ISS);

        assertEquals(new ProtocolResponse.Redirect("https://rp.example/cb?t=a#code=c1&state=s&iss="
                + RealmUrls.encode(ISS)), r);
    }

    @Test
    void webMessageTargetsTheRedirectUrisOriginWithTheFullResponse() {
        ProtocolResponse.WebMessage r = assertInstanceOf(ProtocolResponse.WebMessage.class, AuthorizationResponses.error(
                ResponseMode.WEB_MESSAGE, "https://rp.example:8443/popup", new ProtocolError("login_required", "no"), "s", ISS));

        assertEquals("https://rp.example:8443", r.targetOrigin());
        assertEquals(Map.of("error", "login_required", "error_description", "no", "state", "s", "iss", ISS), r.response());
        assertEquals(ISS + "/oauth2/assets/authorization-response.js", r.script());
    }

    @Test
    void unknownOrMissingModeFallsBackToQuery() {
        assertEquals(ResponseMode.QUERY, AuthorizationResponses.modeOf(null));
        assertEquals(ResponseMode.QUERY, AuthorizationResponses.modeOf("jwt"));
        assertEquals(ResponseMode.FORM_POST, AuthorizationResponses.modeOf("form_post"));
    }
}
