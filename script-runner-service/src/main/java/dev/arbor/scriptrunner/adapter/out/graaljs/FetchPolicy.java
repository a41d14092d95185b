package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.time.Duration;

/**
 * The limits of {@code http.fetch} ({@code arbor.sandbox.http.*}). {@code allowPrivateNetworks}
 * lets allow-listed hosts resolve to loopback, link-local, private and unique-local addresses:
 * for tests and closed networks only.
 */
public record FetchPolicy(boolean allowPrivateNetworks, Duration defaultTimeout, int maxResponseBytes,
                          int maxFetchesPerRun, int maxRequestBodyChars) {
    public static final FetchPolicy DEFAULTS = new FetchPolicy(false, Duration.ofSeconds(2), 256 * 1024, 5, 65_536);
}
