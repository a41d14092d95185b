package dev.arbor.authtree.domain.memory;

import java.util.Map;

/**
 * What the browser presented when it started a journey: the value of its {@code arbor_session} cookie
 * (null when none) and its node cookies by name ({@link NodeCookies#name}), still sealed.
 */
public record PresentedMemory(String sessionId, Map<String, String> nodeCookies) {
    public static final PresentedMemory NONE = new PresentedMemory(null, Map.of());

    public PresentedMemory {
        nodeCookies = nodeCookies == null ? Map.of() : Map.copyOf(nodeCookies);
    }
}
