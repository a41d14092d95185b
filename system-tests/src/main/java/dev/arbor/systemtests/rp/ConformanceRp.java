package dev.arbor.systemtests.rp;

/**
 * The client that the conformance relying party ({@link ConformanceRpResource}) runs as: registered by
 * the system test through Arbor's admin API before the first request (so with a post-logout redirect URI
 * of its own and a secret Arbor generated), and read by {@link ConformanceTenantResolver} at each request.
 */
public final class ConformanceRp {
    public static final String BASE = "http://localhost:8089/rp/full";
    public static final String PROFILE = BASE + "/profile";
    public static final String BYE = BASE + "/bye";

    private static volatile String clientId;
    private static volatile String clientSecret;

    private ConformanceRp() {
    }

    public static void use(String id, String secret) {
        clientSecret = secret;
        clientId = id;
    }

    static String clientId() {
        return clientId;
    }

    static String clientSecret() {
        return clientSecret;
    }
}
