package dev.arbor.ui.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A realm's login UI settings ({@code ui:} of the realm YAML), as {@code /ui/realms/{realm}/config.json}
 * serves them: theme variables, logo, the locales offered and the journey API's base URL. Every value is
 * checked against a narrow pattern when read, because the page puts the theme into CSS custom properties
 * and the logo into an {@code <img src>}: a realm file must not be able to smuggle CSS or a script URL.
 */
public record UiSettings(String realm, Map<String, String> theme, String logo, List<String> locales,
        String defaultLocale, String apiBaseUrl) {

    /** The languages the default UI has message bundles for. */
    public static final List<String> SUPPORTED_LOCALES = List.of("en", "nl", "de");

    private static final Pattern COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final Pattern LENGTH = Pattern.compile("(?:0|[0-9]{1,3}(?:\\.[0-9]{1,2})?(?:px|rem|em))");
    private static final Pattern FONT = Pattern.compile("[A-Za-z0-9 ,'\\-]{1,120}");
    private static final Pattern LOGO = Pattern.compile("(?:/ui/[A-Za-z0-9._/\\-]{1,200}|https://[A-Za-z0-9.\\-]{1,253}(?::[0-9]{1,5})?/[A-Za-z0-9._/\\-]{0,200})\\.(?:svg|png|webp)");
    private static final Map<String, Pattern> THEME_KEYS = themeKeys();

    public UiSettings {
        Objects.requireNonNull(realm, "realm");
        theme = Map.copyOf(theme);
        locales = List.copyOf(locales);
    }

    /** Defaults for a realm whose YAML has no {@code ui:} section. */
    public static UiSettings defaults(String realm, String apiBaseUrl) {
        return new UiSettings(realm, Map.of(), null, SUPPORTED_LOCALES, "en", apiBaseUrl);
    }

    /**
     * Reads a {@code ui:} section.
     *
     * @throws IllegalArgumentException naming every value that is not allowed
     */
    public static UiSettings parse(String realm, Map<?, ?> ui, String apiBaseUrl) {
        List<String> problems = new ArrayList<>();
        Map<String, String> theme = new LinkedHashMap<>();
        if (ui.get("theme") instanceof Map<?, ?> given) {
            given.forEach((key, value) -> {
                Pattern pattern = THEME_KEYS.get(String.valueOf(key));
                if (pattern == null) {
                    problems.add("ui.theme." + key + ": unknown (known: " + String.join(", ", THEME_KEYS.keySet()) + ")");
                } else if (!(value instanceof String text) || !pattern.matcher(text).matches()) {
                    problems.add("ui.theme." + key + ": not allowed: " + value);
                } else {
                    theme.put(String.valueOf(key), text);
                }
            });
        } else if (ui.containsKey("theme")) {
            problems.add("ui.theme: must be a map");
        }
        String logo = null;
        if (ui.get("logo") != null) {
            if (ui.get("logo") instanceof String text && LOGO.matcher(text).matches() && !text.contains("..")
                    && !text.substring("https://".length()).contains("//")) {
                logo = text;
            } else {
                problems.add("ui.logo: must be a /ui/ path or an https URL of an .svg, .png or .webp file");
            }
        }
        List<String> locales = SUPPORTED_LOCALES;
        if (ui.get("locales") instanceof List<?> given) {
            locales = given.stream().map(l -> String.valueOf(l).toLowerCase(Locale.ROOT)).distinct().toList();
            for (String locale : locales) {
                if (!SUPPORTED_LOCALES.contains(locale)) {
                    problems.add("ui.locales: " + locale + " is not supported (supported: " + SUPPORTED_LOCALES + ")");
                }
            }
            if (locales.isEmpty()) {
                problems.add("ui.locales: must not be empty");
            }
        } else if (ui.containsKey("locales")) {
            problems.add("ui.locales: must be a list");
        }
        String defaultLocale = ui.get("defaultLocale") == null ? (locales.isEmpty() ? "en" : locales.get(0))
                : String.valueOf(ui.get("defaultLocale"));
        if (!locales.contains(defaultLocale)) {
            problems.add("ui.defaultLocale: " + defaultLocale + " is not one of ui.locales");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("realm " + realm + ": " + String.join("; ", problems));
        }
        return new UiSettings(realm, theme, logo, locales, defaultLocale, apiBaseUrl);
    }

    private static Map<String, Pattern> themeKeys() {
        Map<String, Pattern> keys = new LinkedHashMap<>();
        for (String color : List.of("primary", "primaryText", "background", "surface", "text", "muted", "error",
                "focus")) {
            keys.put(color, COLOR);
        }
        keys.put("radius", LENGTH);
        keys.put("font", FONT);
        return Map.copyOf(keys);
    }
}
