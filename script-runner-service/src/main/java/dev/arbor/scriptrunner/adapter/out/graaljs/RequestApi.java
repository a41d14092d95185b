package dev.arbor.scriptrunner.adapter.out.graaljs;

import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import java.util.Locale;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * {@code request}: what the journey knows about the HTTP request that drives it, read-only. The
 * headers are the ones authtree forwards (lower-case names; never Cookie or Authorization).
 */
public final class RequestApi {
    /** {@code request.headers["user-agent"]}: a read-only object of lower-case names. */
    @HostAccess.Export
    public final Object headers;

    /** {@code request.clientIp}: the client's address as the journey resolved it ({@code ""} when unknown). */
    @HostAccess.Export
    public final String clientIp;

    /** {@code request.locale}: the preferred locale, e.g. {@code "de-CH"} ({@code ""} when unknown). */
    @HostAccess.Export
    public final String locale;

    private final Map<String, String> headerMap;

    RequestApi(ScriptInput input) {
        this.headerMap = lowerCase(input.headers());
        this.headers = new ReadOnlyProxy(headerMap);
        this.clientIp = input.clientIp();
        this.locale = input.locale();
    }

    /** {@code request.header(name)}: one header, any case; {@code null} when absent. */
    @HostAccess.Export
    public String header(Value name) {
        if (name == null || !name.isString()) {
            throw new ScriptApiException("request.header(name): name must be a string");
        }
        return headerMap.get(name.asString().toLowerCase(Locale.ROOT));
    }

    /** Credentials never reach a script, even if a caller forwards them against the contract. */
    private static final java.util.Set<String> CREDENTIALS = java.util.Set.of("cookie", "authorization",
            "proxy-authorization");

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        java.util.Map<String, String> lower = new java.util.HashMap<>();
        headers.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!CREDENTIALS.contains(key)) {
                lower.put(key, value);
            }
        });
        return lower;
    }
}
