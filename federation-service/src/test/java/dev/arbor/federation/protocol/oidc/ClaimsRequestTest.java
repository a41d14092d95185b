package dev.arbor.federation.protocol.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimsRequestTest {

    @Test
    void parsesIdTokenAndUserinfoMembersWithEssentialAndValues() {
        ClaimsRequest r = ClaimsRequest.parse("""
                {"userinfo":{"email":{"essential":true},"nickname":null},
                 "id_token":{"acr":{"values":["a","b"]},"auth_time":{"essential":true},"sub":{"value":"x"}},
                 "unknown_member":{"ignored":true}}""");

        assertEquals(new ClaimsRequest.Requested(true, List.of()), r.userinfo().get("email"));
        assertEquals(new ClaimsRequest.Requested(false, List.of()), r.userinfo().get("nickname"));
        assertEquals(new ClaimsRequest.Requested(false, List.of("a", "b")), r.idToken().get("acr"));
        assertEquals(new ClaimsRequest.Requested(false, List.of("x")), r.idToken().get("sub"));
        assertEquals(List.of("acr", "auth_time", "sub", "email", "nickname"), r.names());
    }

    @Test
    void absentOrEmptyIsNoRequest() {
        assertEquals(ClaimsRequest.NONE, ClaimsRequest.parse(null));
        assertEquals(ClaimsRequest.NONE, ClaimsRequest.parse(""));
        assertEquals(ClaimsRequest.NONE, ClaimsRequest.parse("{}"));
    }

    @Test
    void malformedRequestsAreRefused() {
        for (String bad : List.of("{", "null", "[]", "1", "{\"userinfo\":\"x\"}", "{\"id_token\":{\"a\":[]}}",
                "{\"id_token\":{\"a\":{\"essential\":1}}}", "{\"id_token\":{\"a\":{\"values\":{}}}}",
                "x".repeat(9000))) {
            assertThrows(IllegalArgumentException.class, () -> ClaimsRequest.parse(bad), bad);
        }
    }
}
