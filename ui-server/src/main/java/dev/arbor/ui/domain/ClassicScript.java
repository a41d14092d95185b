package dev.arbor.ui.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the SDK's ES module into a classic script: the same code in a function scope, its exports
 * gathered on one global object. The module must export only through top-level
 * {@code export [async] function|class|const|let} declarations and import nothing; anything else is
 * refused, so a change to the SDK that would break the classic build fails at start-up and in tests.
 */
public final class ClassicScript {
    private static final Pattern EXPORT = Pattern.compile(
            "^export\\s+((?:async\\s+)?(?:function\\*?|class|const|let)\\s+([A-Za-z_$][\\w$]*))", Pattern.MULTILINE);
    private static final Pattern OTHER_MODULE_SYNTAX = Pattern.compile(
            "^\\s*(?:import\\s|export\\s+(?:default|\\{|\\*))", Pattern.MULTILINE);

    private ClassicScript() {}

    /**
     * @param module the ES module's source
     * @param global the global name, e.g. {@code Arbor}
     * @return a classic script defining {@code globalThis[global]} as a frozen object of the exports
     * @throws IllegalArgumentException when the module uses imports, default or re-exports
     */
    public static String of(String module, String global) {
        if (!global.matches("[A-Za-z_$][\\w$]*")) {
            throw new IllegalArgumentException("not an identifier: " + global);
        }
        if (OTHER_MODULE_SYNTAX.matcher(module).find()) {
            throw new IllegalArgumentException("the module uses import, default or re-export syntax");
        }
        List<String> names = new ArrayList<>();
        Matcher matcher = EXPORT.matcher(module);
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(2));
            matcher.appendReplacement(body, Matcher.quoteReplacement(matcher.group(1)));
        }
        matcher.appendTail(body);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the module exports nothing");
        }
        return "(function () {\n'use strict';\n" + body
                + "\nglobalThis." + global + " = Object.freeze({ " + String.join(", ", names) + " });\n})();\n";
    }
}
