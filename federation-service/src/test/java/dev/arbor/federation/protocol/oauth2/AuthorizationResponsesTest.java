package dev.arbor.federation.protocol.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolResponse;
import org.junit.jupiter.api.Test;

class AuthorizationResponsesTest {
    private static final String ISS = "http://localhost:8080/realms/demo";

    @Test
    void codeResponseCarriesCodeStateAndIssEncoded() {
        ProtocolResponse r = AuthorizationResponses.code("https://rp.example/cb", "c&1", "s t", ISS);

        assertEquals(new ProtocolResponse.Redirect("https://rp.example/cb?code=c%261&state=s+t&iss="
                + "http%3A%2F%2Flocalhost%3A8080%2Frealms%2Fdemo"), r);
    }

    @Test
    void errorResponseKeepsTheRedirectUrisQueryAndOmitsAnAbsentState() {
        ProtocolResponse r = AuthorizationResponses.error("https://rp.example/cb?tenant=a",
                new ProtocolError("invalid_scope", "no"), null, ISS);

        assertEquals(new ProtocolResponse.Redirect("https://rp.example/cb?tenant=a&error=invalid_scope"
                + "&error_description=no&iss=http%3A%2F%2Flocalhost%3A8080%2Frealms%2Fdemo"), r);
    }
}
