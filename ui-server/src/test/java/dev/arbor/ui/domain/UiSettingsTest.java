package dev.arbor.ui.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UiSettingsTest {

    @Test
    void givenAFullSectionWhenParsedThenEveryValueIsKept() {
        UiSettings settings = UiSettings.parse("demo", Map.of(
                "theme", Map.of("primary", "#1d5c45", "radius", "10px", "font", "Inter, system-ui"),
                "logo", "https://cdn.example.com/brand/logo.svg",
                "locales", List.of("de", "en"),
                "defaultLocale", "de"), "https://id.example.com");

        assertEquals(Map.of("primary", "#1d5c45", "radius", "10px", "font", "Inter, system-ui"), settings.theme());
        assertEquals("https://cdn.example.com/brand/logo.svg", settings.logo());
        assertEquals(List.of("de", "en"), settings.locales());
        assertEquals("de", settings.defaultLocale());
        assertEquals("https://id.example.com", settings.apiBaseUrl());
    }

    @Test
    void givenNoSectionWhenDefaultedThenAllSupportedLocalesAndNoLogo() {
        UiSettings settings = UiSettings.defaults("plain", "");

        assertEquals(UiSettings.SUPPORTED_LOCALES, settings.locales());
        assertEquals("en", settings.defaultLocale());
        assertNull(settings.logo());
    }

    @ParameterizedTest
    @ValueSource(strings = {"red; background: url(https://evil.example/x)", "#12345", "expression(alert(1))",
            "var(--x)", "#fff}body{display:none"})
    void givenCssThatIsNoPlainColourWhenParsedThenRefusedWithTheKeyNamed(String colour) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UiSettings.parse("demo", Map.of("theme", Map.of("primary", colour)), ""));

        assertTrue(e.getMessage().contains("ui.theme.primary"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "http://cdn.example.com/logo.svg", "/ui/../../etc/passwd.svg",
            "https://cdn.example.com/logo.svg?x=<script>", "data:image/svg+xml,<svg/onload=alert(1)>", "/ui/logo.html"})
    void givenALogoThatIsNoSameOriginOrHttpsImageWhenParsedThenRefused(String logo) {
        assertThrows(IllegalArgumentException.class, () -> UiSettings.parse("demo", Map.of("logo", logo), ""));
    }

    @Test
    void givenUnknownKeysLocalesOrDefaultWhenParsedThenEveryProblemIsListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UiSettings.parse("demo",
                Map.of("theme", Map.of("shadow", "1px"), "locales", List.of("en", "fr"), "defaultLocale", "nl"), ""));

        assertTrue(e.getMessage().contains("ui.theme.shadow: unknown"), e.getMessage());
        assertTrue(e.getMessage().contains("fr is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("ui.defaultLocale: nl"), e.getMessage());
    }
}
