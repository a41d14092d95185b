package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.script.ScriptCall;
import dev.arbor.authtree.domain.script.ScriptQuestion;
import dev.arbor.authtree.domain.script.ScriptVerdict;
import dev.arbor.authtree.port.ScriptRunnerGateway;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * AM "Scripted Decision": runs a user script in script-runner's sandbox and leaves through the outcome the
 * script chose with {@code action.goTo}. The script sees the journey's shared state (never transient state
 * such as the password) and a read-only {@code request} ({@code user-agent} and {@code accept-language}
 * only, the client's address under the trusted-proxy rule, the preferred locale); the keys it writes with
 * {@code state.put} are applied to shared state, so later nodes see them. A script may write any key except
 * {@code subject} (a script never signs anyone in) and this node's own {@code script.*} bookkeeping.
 *
 * <p>A script may ask the user first ({@code callbacks}): each question becomes one journey callback
 * (TEXT → TextInputCallback, CHOICE → ChoiceCallback, CONFIRMATION → ConfirmationCallback, MESSAGE →
 * TextOutputCallback), sent as one step; the answers go back to the script on the next request.
 * <pre>
 * stateDiagram-v2
 *   [*] --> Execute
 *   Execute --> Step: callbacks
 *   Step --> Execute: answers
 *   Execute --> [*]: outcome
 *   Execute --> Failed: error / unreachable
 * </pre>
 * It fails closed: when script-runner is unreachable or too slow, or the script errs, the node takes no
 * outcome at all ({@link DependencyUnavailableException}, {@link ScriptFailedException}).
 * <pre>route: { type: ScriptedDecision, config: { script: internal-network, version: 0,
 *          outcomes: [ internal, external ] }, outcomes: { internal: success, external: otp } }</pre>
 */
public final class ScriptedDecision implements Node {
    public static final String TYPE = "ScriptedDecision";
    static final String DEPENDENCY = "script-runner";
    /** Shared-state prefix of this node's bookkeeping (the questions waiting for answers); scripts can't write it. */
    static final String INTERNAL = "script.";
    static final int MAX_QUESTIONS = 16;
    private static final Logger LOG = Logger.getLogger(ScriptedDecision.class.getName());

    private final ScriptRunnerGateway scripts;
    private final List<Cidr> trustedProxies;

    public ScriptedDecision(ScriptRunnerGateway scripts, List<Cidr> trustedProxies) {
        this.scripts = scripts;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * Typed config: the script, its version (0 = latest published), the node's outcomes, and (optional) the
     * state keys the script writes that later nodes read, so the tree validator knows they are written.
     */
    record Config(String script, int version, List<String> outcomes, Set<String> writes) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig c = new NodeConfig(raw);
            String script = c.string("script").map(String::strip).filter(s -> !s.isEmpty())
                    .orElseThrow(() -> new IllegalArgumentException("'script' is required"));
            if (script.length() > 128) {
                throw new IllegalArgumentException("'script' must be at most 128 characters");
            }
            int version = c.string("version").map(v -> {
                try {
                    int n = Integer.parseInt(v.strip());
                    if (n >= 0) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                throw new IllegalArgumentException("'version' must be a whole number, 0 for the latest published");
            }).orElse(0);
            Set<String> writes = raw != null && raw.containsKey("writes") ? Set.copyOf(c.strings("writes")) : Set.of();
            if (writes.stream().anyMatch(ScriptedDecision::reserved)) {
                throw new IllegalArgumentException("'writes': a script cannot write 'subject' or 'script.*'");
            }
            return new Config(script, version, c.strings("outcomes"), writes);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Without config there are no outcomes; a tree always configures them. */
    @Override
    public List<String> outcomes() {
        return List.of();
    }

    @Override
    public List<String> outcomes(Map<String, Object> config) {
        return Config.parse(config).outcomes();
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Set<String> writes(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config)).isEmpty() ? Config.parse(config).writes() : Set.of();
    }

    @Override
    public Action process(NodeContext ctx) {
        Config config = Config.parse(ctx.config());
        String askedKey = INTERNAL + ctx.nodeId() + ".asked";
        Optional<String> asked = ctx.state().shared(askedKey);
        ctx.state().removeShared(askedKey);
        List<ScriptQuestion> answers = ctx.hasAnswers() && asked.isPresent()
                ? ScriptCallbacks.answers(ScriptCallbacks.decode(asked.get()), ctx.answered())
                : List.of();
        String locale = locale(ctx.client().headers().get("accept-language"));
        ScriptCall call = new ScriptCall(ctx.realm(), config.script(), config.version(), config.outcomes(),
                visibleState(ctx.state()), ctx.client().headers(), clientIp(ctx.client()), locale, answers);
        ScriptVerdict verdict = scripts.execute(call);
        return switch (verdict) {
            case ScriptVerdict.Decided decided -> {
                if (!config.outcomes().contains(decided.outcome())) {
                    throw failed(ctx, config, "UNDECLARED_OUTCOME");
                }
                apply(ctx, config, decided.statePatch());
                yield Action.goTo(decided.outcome());
            }
            case ScriptVerdict.Asked questions -> {
                if (questions.questions().isEmpty() || questions.questions().size() > MAX_QUESTIONS
                        || !questions.questions().stream().allMatch(ScriptCallbacks::askable)) {
                    throw failed(ctx, config, "BAD_CALLBACKS");
                }
                apply(ctx, config, questions.statePatch());
                ctx.state().putShared(askedKey, ScriptCallbacks.encode(questions.questions()));
                yield new Action.SendCallbacks(questions.questions().stream()
                        .map(q -> ScriptCallbacks.toCallback(q)).toList());
            }
            case ScriptVerdict.Failed failure -> {
                LOG.warning(() -> "script " + config.script() + " in realm " + ctx.realm() + " failed: "
                        + failure.error() + " (" + failure.message() + ")");
                throw new ScriptFailedException(config.script(), failure.error());
            }
        };
    }

    private static ScriptFailedException failed(NodeContext ctx, Config config, String error) {
        LOG.warning(() -> "script " + config.script() + " in realm " + ctx.realm() + " failed: " + error);
        return new ScriptFailedException(config.script(), error);
    }

    /** The patch, unless it writes a key no script may write: then nothing of it is applied. */
    private static void apply(NodeContext ctx, Config config, Map<String, String> patch) {
        if (patch.keySet().stream().anyMatch(ScriptedDecision::reserved)) {
            throw failed(ctx, config, "RESERVED_STATE_KEY");
        }
        patch.forEach(ctx.state()::putShared);
    }

    private static boolean reserved(String key) {
        return key.equals(DataStoreDecision.SUBJECT) || key.startsWith(INTERNAL);
    }

    private static Map<String, String> visibleState(NodeState state) {
        return state.sharedSnapshot().entrySet().stream().filter(e -> !e.getKey().startsWith(INTERNAL))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The client's address as IpRangeDecision sees it; empty when it cannot be told. */
    private String clientIp(ClientRequest client) {
        return ClientAddress.resolve(client, trustedProxies).map(bytes -> {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                return "";
            }
        }).orElse("");
    }

    /** The first language range of {@code Accept-Language} (RFC 9110 §12.5.4) as a BCP 47 tag; empty if none. */
    static String locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "";
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream().map(Locale.LanguageRange::getRange)
                    .filter(r -> !r.equals("*")).findFirst().map(r -> Locale.forLanguageTag(r).toLanguageTag())
                    .orElse("");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
