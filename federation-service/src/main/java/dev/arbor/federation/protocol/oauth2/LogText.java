package dev.arbor.federation.protocol.oauth2;

/** Client-supplied text made safe for one log line: printable ASCII only, at most 64 characters. */
final class LogText {
    private static final int MAX = 64;

    private LogText() {
    }

    static String of(String value) {
        if (value == null) {
            return "(none)";
        }
        String cut = value.length() > MAX ? value.substring(0, MAX) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }
}
