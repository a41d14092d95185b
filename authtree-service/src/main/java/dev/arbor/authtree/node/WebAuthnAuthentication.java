package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.webauthn.AssertionOutcome;
import dev.arbor.authtree.domain.webauthn.WebAuthnRequirement;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.WebAuthnRelyingParty;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates with a WebAuthn credential, W3C WebAuthn L3 §7.2. With {@code usernameless: false} the account
 * is shared {@code username} and {@code allowCredentials} lists its credentials ({@code no_credentials} when it
 * has none or does not exist); with {@code usernameless: true} {@code allowCredentials} is empty, the browser
 * offers discoverable credentials (passkeys; {@code mediation: "conditional"} autofill is a UI choice) and the
 * account is the one the assertion's {@code userHandle} names — a missing handle, or one that does not own the
 * credential, fails (W13).
 *
 * <p>The request waits in shared state and is consumed by the answer: a second submission or a replayed
 * assertion has no challenge to match (W5), an assertion over another journey's challenge does not verify (W6),
 * and one answered after {@code timeout} (default PT2M) fails (W7). A signature counter that did not increase
 * (§6.1.1, a possible clone) flags the credential; {@code signCountRegression: fail} (default) then takes
 * {@code false}, {@code flag} accepts it (W12). {@code true} writes shared {@code subject} and {@code username}.
 */
public final class WebAuthnAuthentication implements Node {
    public static final String TYPE = "WebAuthnAuthentication";
    public static final String CALLBACK = "WebAuthnAuthenticationCallback";

    private final IdentityRepository identities;
    private final WebAuthnRelyingParty relyingParty;
    private final WebAuthnCeremony ceremony;

    public WebAuthnAuthentication(IdentityRepository identities, WebAuthnRelyingParty relyingParty, Clock clock) {
        this.identities = identities;
        this.relyingParty = relyingParty;
        this.ceremony = new WebAuthnCeremony("webauthnAuthentication", clock);
    }

    /** Typed config. */
    record Config(boolean usernameless, WebAuthnRequirement userVerification, Duration timeout,
            boolean failOnSignCountRegression) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig config = new NodeConfig(raw);
            String usernameless = config.string("usernameless").orElse("false").strip().toLowerCase(Locale.ROOT);
            if (!usernameless.equals("true") && !usernameless.equals("false")) {
                throw new IllegalArgumentException("'usernameless' must be true or false");
            }
            String regression = config.string("signCountRegression").orElse("fail").strip();
            if (!regression.equals("fail") && !regression.equals("flag")) {
                throw new IllegalArgumentException("'signCountRegression' must be flag or fail");
            }
            return new Config(Boolean.parseBoolean(usernameless),
                    WebAuthnRequirement.parse("userVerification", config.string("userVerification").orElse("preferred")),
                    config.string("timeout").isPresent() ? config.positiveDuration("timeout") : Duration.ofMinutes(2),
                    regression.equals("fail"));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("true", "false", "no_credentials");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Set<String> reads(Map<String, Object> config) {
        boolean usernameless = configProblems(config).isEmpty() && Config.parse(config).usernameless();
        return usernameless ? Set.of() : Set.of(UsernameCollector.USERNAME);
    }

    @Override
    public Set<String> writes() {
        return Set.of(DataStoreDecision.SUBJECT, UsernameCollector.USERNAME);
    }

    @Override
    public Action process(NodeContext ctx) {
        Config config = Config.parse(ctx.config());
        Optional<Identity> named = config.usernameless() ? Optional.empty()
                : ctx.state().shared(UsernameCollector.USERNAME)
                        .flatMap(username -> identities.findByUsername(ctx.realm(), username));
        if (!config.usernameless() && (named.isEmpty() || !relyingParty.hasCredentials(named.get()))) {
            return Action.goTo("no_credentials");
        }
        if (!ctx.hasAnswers()) {
            return ceremony.offer(ctx, CALLBACK, NodeMessages.get(WebAuthnAuthentication.class, "prompt"),
                    relyingParty.startAuthentication(ctx.realm(), named, config.userVerification(), config.timeout()),
                    config.timeout());
        }
        String credential = WebAuthnCeremony.credential(ctx, CALLBACK);
        Optional<String> request = ceremony.consume(ctx, config.timeout());
        if (request.isEmpty()) {
            return Action.goTo("false");
        }
        AssertionOutcome outcome = WebAuthnCeremony.verify(
                () -> relyingParty.finishAuthentication(ctx.realm(), request.get(), credential));
        if (!(outcome instanceof AssertionOutcome.Verified verified)
                || (verified.signCountRegressed() && config.failOnSignCountRegression())
                || named.filter(identity -> !identity.id().equals(verified.subject())).isPresent()
                || ctx.state().shared(DataStoreDecision.SUBJECT)
                        .filter(subject -> !subject.equals(verified.subject().toString())).isPresent()) {
            return Action.goTo("false");
        }
        ctx.state().putShared(DataStoreDecision.SUBJECT, verified.subject().toString());
        ctx.state().putShared(UsernameCollector.USERNAME, verified.username());
        return Action.goTo("true");
    }

    /** RFC 8176: {@code hwk} once the node left through {@code true}. */
    @Override
    public java.util.Optional<String> amr(String outcome) {
        return "true".equals(outcome) ? java.util.Optional.of("hwk") : java.util.Optional.empty();
    }
}
