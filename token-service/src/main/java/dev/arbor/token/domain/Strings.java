package dev.arbor.token.domain;

/** Protobuf strings are never null, but empty; the domain treats null and blank alike. */
public final class Strings {

    private Strings() {
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
