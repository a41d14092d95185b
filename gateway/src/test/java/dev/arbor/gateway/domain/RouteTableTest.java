package dev.arbor.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    private final RouteTable table = new RouteTable();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/realms/demo/authenticate,           AUTHTREE",
        "/realms/other-realm/authenticate,    AUTHTREE",
        "/realms/demo/authenticatex,          FEDERATION",
        "/realms/demo,                        FEDERATION",
        "/realms/demo/oauth2/token,           FEDERATION",
        "/ui,                                 UI_SERVER",
        "/ui/,                                UI_SERVER",
        "/ui/login/login.js,                  UI_SERVER",
        "/admin/realms/demo/clients,          FEDERATION",
        "/admin/realms/demo/clients/x/secret, FEDERATION",
        "/admin/realms/demo/consents/s/c,     FEDERATION",
        "/admin/realms/demo/initial-access-tokens, FEDERATION",
        "/admin/realms/demo/saml-sps,         FEDERATION",
        "/admin/realms/demo/saml-keys,        FEDERATION",
        "/admin/realms/demo/saml-keys/signing/next, FEDERATION",
        "/admin/realms/demo/saml-keys/kEghZ5cQ/retire, FEDERATION",
        "/admin/realms/demo/trees,            AUTHTREE",
        "/admin/realms/demo/users/alice,      AUTHTREE",
        "/admin/realms/demo/keys,             TOKEN",
        "/admin/realms/demo/scripts/s1,       SCRIPT_RUNNER",
    })
    void decideWhenARowMatchesThenForwardToItsUpstream(String path, Upstream upstream) {
        assertEquals(new RouteDecision.Forward(upstream), table.decide(path));
    }

    @ParameterizedTest
    @CsvSource({"/realms/", "/realms", "/uiX", "/admin/realms/demo/clientsX", "/admin/realms//clients",
        "/admin/realms/demo/saml-keysX", "/admin/realms//saml-keys",
        "/admin/realms/demo", "/admin", "/favicon.ico", "''"})
    void decideWhenNoRowMatchesThenNotFound(String path) {
        assertEquals(new RouteDecision.NotFound(), table.decide(path));
    }

    @org.junit.jupiter.api.Test
    void decideWhenRootThenRedirectToUi() {
        assertEquals(new RouteDecision.Redirect("/ui/"), table.decide("/"));
    }
}
