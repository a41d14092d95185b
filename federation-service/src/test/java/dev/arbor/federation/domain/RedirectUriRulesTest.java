package dev.arbor.federation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedirectUriRulesTest {

    @Test
    @DisplayName("O2: plain http only on a loopback host; https and private-use schemes anywhere")
    void httpOnlyOnLoopback() {
        for (String ok : new String[] {"http://localhost/cb", "http://LOCALHOST:8080/cb", "http://127.0.0.1:53123/cb",
                "http://[::1]:8080/cb", "https://rp.example/cb?tenant=a", "com.example.app:/oauth2redirect"}) {
            assertEquals(Optional.empty(), RedirectUriRules.problem(ok), ok);
        }
        for (String bad : new String[] {"http://rp.example/cb", "http://192.168.1.10/cb", "http://localhost.evil.example/cb",
                "http://127.0.0.2.nip.io/cb", "HTTP://rp.example/cb"}) {
            assertTrue(RedirectUriRules.problem(bad).orElseThrow().contains("https"), bad);
        }
    }

    @Test
    @DisplayName("O1: relative, fragment-carrying or malformed redirect URIs are refused")
    void absoluteWithoutFragment() {
        assertTrue(RedirectUriRules.problem("/relative").isPresent());
        assertTrue(RedirectUriRules.problem("https://rp.example/cb#frag").isPresent());
        assertTrue(RedirectUriRules.problem("https://rp.example/cb#").isPresent());
        assertTrue(RedirectUriRules.problem("https://rp example/cb").isPresent());
    }
}
