package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.webauthn.RegistrationOutcome;
import dev.arbor.authtree.domain.webauthn.WebAuthnRequirement;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.WebAuthnRelyingParty;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers a WebAuthn credential (a passkey or a security key) for shared {@code subject}, W3C WebAuthn L3
 * §7.1. Entering, it sends a {@code WebAuthnRegistrationCallback} whose output {@code publicKey} is the
 * {@code PublicKeyCredentialCreationOptionsJSON} (base64url fields); the request and its challenge stay in
 * shared state. The answer (input {@code credential}, the {@code PublicKeyCredential} as JSON) is verified by
 * the relying party and stored: {@code registered}; anything else (bad signature, wrong origin or RP ID, UP or
 * required UV missing, a credential id already registered, an expired challenge): {@code failed}.
 *
 * <p>Config: {@code userVerification} and {@code residentKey} ({@code required|preferred|discouraged}, default
 * {@code preferred} and {@code required}), {@code attestation} ({@code none} only), {@code timeout} (default PT2M).
 */
public final class WebAuthnRegistration implements Node {
    public static final String TYPE = "WebAuthnRegistration";
    public static final String CALLBACK = "WebAuthnRegistrationCallback";

    private final IdentityRepository identities;
    private final WebAuthnRelyingParty relyingParty;
    private final WebAuthnCeremony ceremony;

    public WebAuthnRegistration(IdentityRepository identities, WebAuthnRelyingParty relyingParty, Clock clock) {
        this.identities = identities;
        this.relyingParty = relyingParty;
        this.ceremony = new WebAuthnCeremony("webauthnRegistration", clock);
    }

    /** Typed config. */
    record Config(WebAuthnRequirement userVerification, WebAuthnRequirement residentKey, Duration timeout) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig config = new NodeConfig(raw);
            String attestation = config.string("attestation").orElse("none").strip();
            if (!"none".equals(attestation)) {
                throw new IllegalArgumentException("'attestation' must be none");
            }
            return new Config(
                    WebAuthnRequirement.parse("userVerification", config.string("userVerification").orElse("preferred")),
                    WebAuthnRequirement.parse("residentKey", config.string("residentKey").orElse("required")),
                    config.string("timeout").isPresent() ? config.positiveDuration("timeout") : Duration.ofMinutes(2));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("registered", "failed");
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
        Optional<Identity> identity = ctx.state().shared(DataStoreDecision.SUBJECT).flatMap(TotpDecision::uuid)
                .flatMap(subject -> identities.findById(ctx.realm(), subject));
        if (identity.isEmpty()) {
            return Action.goTo("failed");
        }
        if (!ctx.hasAnswers()) {
            return ceremony.offer(ctx, CALLBACK, NodeMessages.get(WebAuthnRegistration.class, "prompt"),
                    relyingParty.startRegistration(identity.get(), config.userVerification(), config.residentKey(),
                            config.timeout()),
                    config.timeout());
        }
        String credential = WebAuthnCeremony.credential(ctx, CALLBACK);
        Optional<String> request = ceremony.consume(ctx, config.timeout());
        if (request.isEmpty()) {
            return Action.goTo("failed");
        }
        RegistrationOutcome outcome = WebAuthnCeremony.verify(
                () -> relyingParty.finishRegistration(identity.get(), request.get(), credential));
        return Action.goTo(outcome instanceof RegistrationOutcome.Registered ? "registered" : "failed");
    }
}
