package dev.arbor.authtree.node;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A node's message bundle: {@code dev/arbor/authtree/node/<Type>.properties}, one per node class, with
 * {@code <Type>_nl.properties} and {@code <Type>_de.properties} beside it. The language is the journey's
 * (from OIDC {@code ui_locales} or {@code Accept-Language}); never the server's default locale, so a
 * host set to German does not answer English-speaking users in German.
 */
final class NodeMessages {
    /** Bundles fall back to the base file only, never to the JVM's default locale. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** The languages the bundles are written in; others get the base (English) file. */
    static final List<String> LANGUAGES = List.of("en", "nl", "de");

    private NodeMessages() {
    }

    /**
     * The first language of an {@code Accept-Language} value the bundles are written in; {@link Locale#ROOT}
     * (English) when none is, or when the header is absent or malformed.
     */
    static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 512) {
            return Locale.ROOT;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (LANGUAGES.contains(language)) {
                    return "en".equals(language) ? Locale.ROOT : Locale.of(language);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Locale.ROOT;
        }
        return Locale.ROOT;
    }

    static boolean has(Class<? extends Node> node, String key) {
        return bundle(node, Locale.ROOT).containsKey(key);
    }

    static String get(Class<? extends Node> node, String key) {
        return get(node, key, Locale.ROOT);
    }

    static String get(Class<? extends Node> node, String key, Locale locale) {
        return bundle(node, locale).getString(key);
    }

    private static ResourceBundle bundle(Class<? extends Node> node, Locale locale) {
        Locale language = locale != null && LANGUAGES.contains(locale.getLanguage()) && !"en".equals(locale.getLanguage())
                ? Locale.of(locale.getLanguage()) : Locale.ROOT;
        return ResourceBundle.getBundle(node.getName(), language, node.getClassLoader(), CONTROL);
    }
}
