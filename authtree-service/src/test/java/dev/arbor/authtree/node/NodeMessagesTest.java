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
    void givenAcceptLanguageWhenTheJourneyLanguageIsChosenThenTheFirstLanguageWithBundlesWins() {
        assertEquals(Locale.GERMAN, NodeMessages.preferred("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7"));
        assertEquals(Locale.of("nl"), NodeMessages.preferred("nl-NL"));
        assertEquals(Locale.ROOT, NodeMessages.preferred("en-GB,de;q=0.5"));
        assertEquals(Locale.ROOT, NodeMessages.preferred("ja"));
        assertEquals(Locale.ROOT, NodeMessages.preferred(null));
        assertEquals(Locale.ROOT, NodeMessages.preferred(";;;q=x"));
    }

    @Test
    void givenAGermanRequestWhenAUsernameIsAskedThenThePromptIsGerman() {
        NodeState state = new NodeState(java.util.Map.of());
        NodeContext ctx = new NodeContext("demo", "username", java.util.Map.of(), state, java.util.List.of(),
                new ClientRequest("10.0.0.1", java.util.List.of(), java.util.Map.of("accept-language", "de-DE,de;q=0.9")));

        Action action = new UsernameCollector().process(ctx);

        Callback asked = ((Action.SendCallbacks) action).callbacks().getFirst();
        assertTrue(asked.toString().contains("Benutzername"), asked.toString());
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
