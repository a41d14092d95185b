package dev.arbor.ui.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClassicScriptTest {

    @Test
    void givenExportsWhenConvertedThenDeclarationsStayAndOneFrozenGlobalCollectsThem() {
        String module = """
                export const VERSION = '1';
                export class ArborError extends Error {}
                export async function s256(v) { return v; }
                function internal() { return 'export function not at line start'; }
                export function createClient() { return internal(); }
                """;

        String classic = ClassicScript.of(module, "Arbor");

        assertTrue(classic.startsWith("(function () {\n'use strict';\n"), classic);
        assertTrue(classic.contains("\nconst VERSION = '1';"), classic);
        assertTrue(classic.contains("\nasync function s256(v)"), classic);
        assertTrue(classic.contains("'export function not at line start'"), classic);
        assertTrue(classic.endsWith("globalThis.Arbor = Object.freeze({ VERSION, ArborError, s256, createClient });\n})();\n"),
                classic);
        assertFalse(classic.matches("(?s).*^export\\s.*"), classic);
    }

    @Test
    void givenModuleSyntaxAClassicScriptCannotHaveWhenConvertedThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassicScript.of("import x from './x.js';\nexport const a = x;", "A"));
        assertThrows(IllegalArgumentException.class, () -> ClassicScript.of("export default 1;", "A"));
        assertThrows(IllegalArgumentException.class, () -> ClassicScript.of("const a = 1;\nexport { a };", "A"));
        assertThrows(IllegalArgumentException.class, () -> ClassicScript.of("const a = 1;", "A"));
        assertThrows(IllegalArgumentException.class, () -> ClassicScript.of("export const a = 1;", "not-a-name"));
    }

    @Test
    void givenTheShippedSdkWhenConvertedThenEveryPublicNameIsOnTheGlobal() throws IOException {
        String sdk = Files.readString(Path.of("src/main/resources/META-INF/resources/ui/sdk/arbor.js"));

        String classic = ClassicScript.of(sdk, "Arbor");

        for (String name : new String[] {"VERSION", "ArborError", "CSRF_HEADER", "Callback", "Step", "createClient",
                "base64urlEncode", "base64urlDecode", "webauthn", "randomToken", "s256", "createOidcClient"}) {
            assertTrue(classic.contains(" " + name + ",") || classic.contains(" " + name + " })"), name);
        }
        String typings = Files.readString(Path.of("src/main/resources/META-INF/resources/ui/sdk/arbor.d.ts"));
        assertEquals(12, typings.lines().filter(l -> l.matches("export declare (const|class|function) .*")).count(),
                "every export of arbor.js is declared in arbor.d.ts");
    }
}
