package dev.arbor.federation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrowserOriginsTest {

    private static Client client(String id, ClientType type, String... redirectUris) {
        return new Client("demo", id, id, type, type == ClientType.PUBLIC ? Optional.empty() : Optional.of("hash"),
                List.of(redirectUris), List.of("authorization_code"), List.of("openid"));
    }

    @Test
    void originsComeFromPublicClientsRedirectUrisOnly() {
        BrowserOrigins origins = BrowserOrigins.of(List.of(
                client("spa", ClientType.PUBLIC, "https://App.Example.com:443/cb?x=1", "http://localhost:9092/popup.html"),
                client("native", ClientType.PUBLIC, "com.example.app:/callback"),
                client("rp", ClientType.CONFIDENTIAL, "https://rp.example.com/cb")));

        assertEquals(Set.of("https://app.example.com", "http://localhost:9092"), origins.origins());
        assertFalse(origins.allows("https://rp.example.com"), "a confidential client's back end needs no CORS");
    }

    @Test
    void matchIsExact() {
        BrowserOrigins origins = BrowserOrigins.of(List.of(client("spa", ClientType.PUBLIC, "http://localhost:9092/cb")));

        assertTrue(origins.allows("http://localhost:9092"));
        assertFalse(origins.allows("http://localhost:9093"));
        assertFalse(origins.allows("https://localhost:9092"));
        assertFalse(origins.allows("http://localhost:9092/"));
        assertFalse(origins.allows("null"));
        assertFalse(origins.allows(null));
    }
}
