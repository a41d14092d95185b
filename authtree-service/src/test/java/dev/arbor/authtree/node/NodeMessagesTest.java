package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NodeMessagesTest {

    @Test
    void givenAJourneyLanguageWhenAPromptIsReadThenItComesFromThatLanguagesBundle() {
        assertEquals("Passwort", NodeMessages.get(PasswordCollector.class, "prompt", Locale.GERMAN));
        assertEquals("Wachtwoord", NodeMessages.get(PasswordCollector.class, "prompt", Locale.forLanguageTag("nl-BE")));
        assertEquals("Password", NodeMessages.get(PasswordCollector.class, "prompt", Locale.ENGLISH));
        assertEquals("Password", NodeMessages.get(PasswordCollector.class, "prompt", Locale.JAPANESE));
    }

    @Test
    void givenAServerWhoseDefaultLocaleIsGermanWhenNoLanguageIsAskedThenEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("Password", NodeMessages.get(PasswordCollector.class, "prompt"));
            assertEquals("Password", NodeMessages.get(PasswordCollector.class, "prompt", Locale.FRENCH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyTranslatedBundleHasExactlyTheKeysOfItsBaseBundle() throws IOException {
        for (String node : new String[] {"AccountLockout", "ChoiceCollector", "PasswordCollector", "TextOutput",
                "TotpCollector", "TotpDecision", "TotpRegistration", "UsernameCollector"}) {
            Properties base = load(node + ".properties");
            for (String language : new String[] {"nl", "de"}) {
                Properties translated = load(node + "_" + language + ".properties");
                assertEquals(base.keySet(), translated.keySet(), node + "_" + language);
                translated.values().forEach(v -> assertTrue(!v.toString().isBlank(), node + "_" + language));
            }
        }
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NodeMessagesTest.class.getResourceAsStream("/dev/arbor/authtree/node/" + file)) {
            properties.load(in);
        }
        return properties;
    }
}
