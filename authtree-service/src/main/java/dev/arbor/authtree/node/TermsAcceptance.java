package dev.arbor.authtree.node;

import dev.arbor.authtree.port.TermsAcceptanceStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks shared {@code subject} to accept terms of use of a given {@code version}: when the identity accepted
 * that version before, {@code accepted} at once, without asking. Otherwise one step: a
 * {@code TextOutputCallback} with the terms ({@code text}) or a link to them ({@code url}), and a
 * {@code ConfirmationCallback} Accept / Decline. Accept records (realm, subject, version, time) and leaves
 * through {@code accepted}; Decline through {@code declined}, as does a journey without a subject.
 * A new version is a new question for everyone.
 * <pre>terms: { type: TermsAcceptance, config: { version: "2026-11", url: "https://example.com/terms" },
 *         outcomes: { accepted: success, declined: failure } }</pre>
 */
public final class TermsAcceptance implements Node {
    public static final String TYPE = "TermsAcceptance";

    private final TermsAcceptanceStore store;
    private final Clock clock;

    public TermsAcceptance(TermsAcceptanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Typed config: the version, and exactly one of the text or an https/http URL. */
    record Config(String version, Optional<String> text, Optional<URI> url) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig c = new NodeConfig(raw);
            String version = c.string("version").map(String::strip).filter(v -> !v.isEmpty())
                    .orElseThrow(() -> new IllegalArgumentException("'version' is required"));
            if (version.length() > 128) {
                throw new IllegalArgumentException("'version' must be at most 128 characters");
            }
            Optional<String> text = c.string("text").filter(t -> !t.isBlank());
            Optional<URI> url = c.string("url").filter(u -> !u.isBlank()).map(TermsAcceptance::url);
            if (text.isPresent() == url.isPresent()) {
                throw new IllegalArgumentException("exactly one of 'text' or 'url' is required");
            }
            return new Config(version, text, url);
        }
    }

    private static URI url(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException("'url' must be an absolute https or http URL");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("accepted", "declined");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Set<String> reads() {
        return Set.of(DataStoreDecision.SUBJECT);
    }

    @Override
    public Action process(NodeContext ctx) {
        Config config = Config.parse(ctx.config());
        Optional<UUID> subject = ctx.state().shared(DataStoreDecision.SUBJECT).flatMap(TotpDecision::uuid);
        if (subject.isEmpty()) {
            return Action.goTo("declined");
        }
        if (!ctx.hasAnswers()) {
            if (store.hasAccepted(ctx.realm(), subject.get(), config.version())) {
                return Action.goTo("accepted");
            }
            return ask(config);
        }
        if (Confirmation.chosen(ctx, 2) != 0) {
            return Action.goTo("declined");
        }
        store.recordAcceptance(ctx.realm(), subject.get(), config.version(), clock.instant());
        return Action.goTo("accepted");
    }

    private static Action ask(Config config) {
        String shown = config.text().orElseGet(() -> MessageFormat.format(
                NodeMessages.get(TermsAcceptance.class, "link"), config.url().orElseThrow().toString()));
        List<Callback.Field> output = config.url().isPresent()
                ? List.of(new Callback.Field("message", shown), new Callback.Field("messageType", "0"),
                        new Callback.Field("url", config.url().get().toString()))
                : List.of(new Callback.Field("message", shown), new Callback.Field("messageType", "0"));
        return Action.send(Callback.display(TextOutput.CALLBACK, output),
                Confirmation.ask(NodeMessages.get(TermsAcceptance.class, "prompt"),
                        List.of(NodeMessages.get(TermsAcceptance.class, "accept"),
                                NodeMessages.get(TermsAcceptance.class, "decline")), 1));
    }
}
