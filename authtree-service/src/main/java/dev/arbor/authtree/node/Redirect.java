package dev.arbor.authtree.node;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends the browser somewhere and continues when it comes back (AM's {@code RedirectCallback}): the step
 * carries {@code redirectUrl} and {@code redirectMethod}; the client saves the step, follows the URL, and
 * when the other side sends the browser back posts the saved step, which leaves through {@code next}.
 * Config {@code url}: an {@code https} URL or a path on this origin (never {@code http:} elsewhere,
 * {@code javascript:} or a protocol-relative {@code //host}); {@code method}: {@code GET} (default) or
 * {@code POST}.
 */
public final class Redirect implements Node {
    public static final String TYPE = "Redirect";
    static final String CALLBACK = "RedirectCallback";

    /** Typed config: where to and how. */
    record Config(String url, String method) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig c = new NodeConfig(raw);
            String url = c.string("url").map(String::strip).orElse("");
            if (!allowed(url)) {
                throw new IllegalArgumentException("'url' must be an https URL or a path starting with /");
            }
            String method = c.string("method").orElse("GET").toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !method.equals("POST")) {
                throw new IllegalArgumentException("'method' must be GET or POST");
            }
            return new Config(url, method);
        }

        private static boolean allowed(String url) {
            if (url.startsWith("/") && !url.startsWith("//") && !url.contains("\\")) {
                return true;
            }
            try {
                URI uri = new URI(url);
                return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("next");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Action process(NodeContext ctx) {
        return DisplayStep.showThenNext(ctx, CALLBACK, () -> {
            Config config = Config.parse(ctx.config());
            return List.of(new Callback.Field("redirectUrl", config.url()),
                    new Callback.Field("redirectMethod", config.method()),
                    new Callback.Field("trackingCookie", "false"));
        });
    }
}
