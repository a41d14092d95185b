package dev.arbor.ui.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ui.domain.SecurityHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The consent page of the default UI (docs/guides/consent.md): served like the login page, in three languages. */
@QuarkusTest
class ConsentPageTest {
    private static final Pattern LANGUAGE = Pattern.compile("\\n  (\\w+): Object\\.freeze\\(\\{(.*?)\\n  \\}\\)",
            Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("\\n    '?([\\w.]+)'?: '([^']*)'");

    private static RequestSpecification ui() {
        return given().urlEncodingEnabled(false)
                .config(RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    @Test
    void consentPageWhereFederationSendsTheBrowserIsServedWithTheStrictCsp() {
        ui().get("/ui/consent?realm=demo&flow=AAAAAAAAAAAAAAAAAAAA").then().statusCode(302)
                .header("Location", "/ui/consent/?realm=demo&flow=AAAAAAAAAAAAAAAAAAAA");

        ui().get("/ui/consent/?realm=demo&flow=AAAAAAAAAAAAAAAAAAAA").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<script type=\"module\" src=\"/ui/consent/consent.js\"></script>"))
                // accessible controls: the checkbox has its label, both decisions are buttons of the form
                .body(containsString("<input type=\"checkbox\" id=\"consent-remember\""))
                .body(containsString("<label for=\"consent-remember\""))
                .body(containsString("id=\"consent-allow\""))
                .body(containsString("id=\"consent-deny\""))
                .body(containsString("role=\"alert\""));
    }

    @Test
    void consentScriptsAreServedAsJavaScript() {
        for (String path : new String[] {"/ui/consent/consent.js", "/ui/consent/i18n.js"}) {
            ui().get(path).then().statusCode(200)
                    .contentType(anyOf(startsWith("text/javascript"), startsWith("application/javascript")));
        }
    }

    @Test
    void everyConsentMessageExistsInEnglishDutchAndGerman() {
        String js = ui().get("/ui/consent/i18n.js").then().statusCode(200).extract().asString();

        Map<String, Map<String, String>> languages = new LinkedHashMap<>();
        Matcher language = LANGUAGE.matcher(js);
        while (language.find()) {
            Map<String, String> messages = new LinkedHashMap<>();
            Matcher key = KEY.matcher(language.group(2));
            while (key.find()) {
                messages.put(key.group(1), key.group(2));
            }
            languages.put(language.group(1), messages);
        }

        assertEquals(Set.of("en", "nl", "de"), languages.keySet());
        Set<String> english = new TreeSet<>(languages.get("en").keySet());
        assertTrue(english.containsAll(Set.of("title", "intro", "remember", "allow", "deny", "scope.openid",
                "scope.profile", "scope.email")), () -> "English lacks a message: " + english);
        for (String code : Set.of("nl", "de")) {
            assertEquals(english, new TreeSet<>(languages.get(code).keySet()), code + " has other keys than en");
            languages.get(code).forEach((k, text) -> assertFalse(text.isBlank(), code + "." + k + " is empty"));
            assertFalse(languages.get(code).get("allow").equals(languages.get("en").get("allow")),
                    code + " is not translated");
        }
    }
}
