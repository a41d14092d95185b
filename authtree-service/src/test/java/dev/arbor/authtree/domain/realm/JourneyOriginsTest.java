package dev.arbor.authtree.domain.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JourneyOriginsTest {
    private final JourneyOrigins origins = JourneyOrigins.of("https://id.example.com/",
            List.of("https://login.example.com", "HTTP://Localhost:9090/"));

    @Test
    void givenTheAllowListWhenAnExactOriginAsksThenAllowedAfterNormalising() {
        assertTrue(origins.allowsCrossOrigin("https://login.example.com"));
        assertTrue(origins.allowsCrossOrigin("https://login.example.com:443"));
        assertTrue(origins.allowsCrossOrigin("http://localhost:9090"));
        assertEquals(Set.of("https://login.example.com", "http://localhost:9090"), origins.allowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "https://evil-example.com", "https://login.example.com.evil.com",
            "https://evil.login.example.com", "http://login.example.com", "https://login.example.com:8443",
            "https://login.example.com/path", "https://user@login.example.com", "javascript:alert(1)", "",
            "https://login.example.com?x=1", "file://login.example.com"})
    void givenAnythingButAnExactListedOriginWhenItAsksThenRefused(String origin) {
        assertFalse(origins.allowsCrossOrigin(origin), origin);
        assertFalse(origins.isOwn(origin), origin);
    }

    @Test
    void givenTheSuitesOwnOriginWhenItAsksThenItIsOwnNotCrossOrigin() {
        assertTrue(origins.isOwn("https://id.example.com"));
        assertFalse(origins.allowsCrossOrigin("https://id.example.com"));
        assertTrue(JourneyOrigins.ownOnly("http://localhost:8080").isOwn("http://localhost:8080"));
    }

    @Test
    void givenEntriesThatAreNoOriginsWhenReadThenEveryOneIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JourneyOrigins.of(
                "https://id.example.com", List.of("https://*.example.com", "https://ok.example.com/login", "null")));

        assertTrue(e.getMessage().contains("'https://*.example.com'"), e.getMessage());
        assertTrue(e.getMessage().contains("'https://ok.example.com/login'"), e.getMessage());
        assertTrue(e.getMessage().contains("'null'"), e.getMessage());
    }
}
