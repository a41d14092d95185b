package dev.arbor.federation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OIDC DCR §2 application_type and RFC 8252 §7 redirect URI rules of a self-registered client. */
class ApplicationTypeTest {

    @Test
    void webClientsTakeHttpsAndHttpOnlyOnLoopback() {
        for (String ok : List.of("https://rp.example/cb", "https://rp.example:8443/cb?tenant=a",
                "http://localhost:3000/cb", "http://127.0.0.1/cb", "http://[::1]:8080/cb")) {
            assertEquals(Optional.empty(), ApplicationType.WEB.redirectUriProblem(ok), ok);
        }
        for (String bad : List.of("http://rp.example/cb", "http://10.0.0.1/cb", "https://rp.example/cb#x",
                "/cb", "com.example.app:/cb", "javascript:alert(1)", "https:///cb", "ht tp://x")) {
            assertTrue(ApplicationType.WEB.redirectUriProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void nativeClientsTakeLoopbackClaimedHttpsAndReverseDomainSchemes() {
        for (String ok : List.of("http://127.0.0.1:51004/cb", "http://localhost/cb", "https://app.example/cb",
                "com.example.app:/oauth2redirect", "com.example.app://cb")) {
            assertEquals(Optional.empty(), ApplicationType.NATIVE.redirectUriProblem(ok), ok);
        }
        for (String bad : List.of("myapp:/cb", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                "http://rp.example/cb", "com.example.app:/cb#frag")) {
            assertTrue(ApplicationType.NATIVE.redirectUriProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void onlyWebAndNativeAreApplicationTypes() {
        assertEquals(ApplicationType.WEB, ApplicationType.of("web"));
        assertEquals(ApplicationType.NATIVE, ApplicationType.of("native"));
        assertThrows(IllegalArgumentException.class, () -> ApplicationType.of("Web"));
        assertThrows(IllegalArgumentException.class, () -> ApplicationType.of(null));
    }
}
