package dev.arbor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans the files under /ui for what the Content-Security-Policy would block or what would open an XSS
 * hole: inline script, inline style, inline event handlers, HTML built from strings, eval.
 */
class StaticFilesPolicyTest {

    private static final Path UI = Path.of("src/main/resources/META-INF/resources/ui");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SRC_ATTRIBUTE = Pattern.compile("\\bsrc\\s*=\\s*\"[^\"]+\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_ASSET = Pattern.compile("(?:src|href)=\"(/ui/[^\"?#]+\\.(?:js|css))\"");

    @Test
    void htmlWhenScannedThenEveryScriptHasSrcAndNoBody() throws IOException {
        for (Path page : files(".html")) {
            String html = Files.readString(page);
            Matcher script = SCRIPT_TAG.matcher(html);
            int scripts = 0;
            while (script.find()) {
                scripts++;
                assertTrue(SRC_ATTRIBUTE.matcher(script.group(1)).find(), page + ": <script> without src");
                assertEquals("", script.group(2).strip(), page + ": <script> with inline code");
            }
            int openTags = html.toLowerCase().split("<script\\b", -1).length - 1;
            assertEquals(openTags, scripts, page + ": unclosed or odd <script> tag");
        }
    }

    @Test
    void htmlWhenScannedThenNoInlineStyleOrEventHandlers() throws IOException {
        for (Path page : files(".html")) {
            String html = Files.readString(page).toLowerCase();
            assertFalse(html.contains("<style"), page + ": <style> element");
            assertFalse(html.contains("style="), page + ": style= attribute");
            assertFalse(INLINE_HANDLER.matcher(html).find(), page + ": inline on...= handler");
            assertFalse(html.contains("javascript:"), page + ": javascript: URL");
        }
    }

    @Test
    void htmlWhenScannedThenHasLangCharsetTitleAndLinksOnlyToExistingAssets() throws IOException {
        List<Path> pages = files(".html");
        assertEquals(4, pages.size(), "index, login, consent and demo pages");
        for (Path page : pages) {
            String html = Files.readString(page);
            assertTrue(html.startsWith("<!doctype html>"), page + ": doctype");
            assertTrue(html.contains("<html lang=\"en\">"), page + ": lang");
            assertTrue(html.contains("<meta charset=\"utf-8\">"), page + ": charset");
            assertTrue(html.contains("<title>"), page + ": title");
            Matcher asset = LOCAL_ASSET.matcher(html);
            while (asset.find()) {
                Path file = UI.resolve(asset.group(1).substring("/ui/".length()));
                assertTrue(Files.isRegularFile(file), page + " links to missing " + asset.group(1));
            }
        }
    }

    @Test
    void scriptsWhenScannedThenNoHtmlInjectionSinksOrEval() throws IOException {
        List<Path> scripts = files(".js");
        assertEquals(11, scripts.size()); // + sdk/arbor.js, login/webauthn.js, login/i18n.js, consent/*.js
        for (Path script : scripts) {
            String js = Files.readString(script);
            for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                    "new Function", "localStorage")) {
                assertFalse(js.contains(sink), script + " uses " + sink);
            }
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(UI)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
