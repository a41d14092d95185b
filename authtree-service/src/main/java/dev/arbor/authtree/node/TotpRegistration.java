package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.domain.totp.TotpVerifier;
import dev.arbor.authtree.port.QrCodeRenderer;
import dev.arbor.authtree.port.SecretSealer;
import dev.arbor.authtree.port.TotpSecretStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Enrols a TOTP secret for shared {@code subject}, after AM's "OATH Registration" node. Entering, it draws
 * a 160-bit secret and sends one step: a {@code TextOutputCallback} (instructions), a read-only
 * {@code HiddenValueCallback} {@code totpRegistration} carrying the {@code otpauth://} URI and its QR code as
 * a {@code data:} URI, and a {@code PasswordCallback} for the first code. The secret waits in shared state
 * sealed (JWE), never in clear. The answer proves the app holds the secret: {@code true} stores it,
 * {@code false} (wrong code) discards it. Config {@code issuer} is the label apps show (default
 * {@code Arbor}).
 */
public final class TotpRegistration implements Node {
    public static final String TYPE = "TotpRegistration";
    static final String PENDING = "totpRegistrationPending";
    static final String HIDDEN = "HiddenValueCallback";

    private final TotpSecretStore secrets;
    private final TotpVerifier verifier;
    private final SecretSealer sealer;
    private final QrCodeRenderer qr;
    private final SecureRandom random;

    public TotpRegistration(TotpSecretStore secrets, TotpVerifier verifier, SecretSealer sealer, QrCodeRenderer qr,
            SecureRandom random) {
        this.secrets = secrets;
        this.verifier = verifier;
        this.sealer = sealer;
        this.qr = qr;
        this.random = random;
    }

    /** Typed config: the issuer label of the otpauth URI. */
    record Config(String issuer) {
        static Config parse(Map<String, Object> raw) {
            String issuer = new NodeConfig(raw).string("issuer").orElse("Arbor").strip();
            if (issuer.isEmpty() || issuer.contains(":")) {
                throw new IllegalArgumentException("'issuer' must be non-empty and must not contain ':'");
            }
            return new Config(issuer);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("true", "false");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Set<String> reads() {
        return Set.of(DataStoreDecision.SUBJECT, UsernameCollector.USERNAME);
    }

    @Override
    public Action process(NodeContext ctx) {
        Optional<UUID> subject = ctx.state().shared(DataStoreDecision.SUBJECT).flatMap(TotpDecision::uuid);
        if (subject.isEmpty()) {
            return Action.goTo("false");
        }
        if (!ctx.hasAnswers()) {
            return offer(ctx, Config.parse(ctx.config()));
        }
        String code = ctx.requireInput(PasswordCollector.CALLBACK).strip();
        Optional<byte[]> pending = ctx.state().shared(PENDING).flatMap(sealer::open);
        ctx.state().removeShared(PENDING);
        if (pending.isEmpty() || !verifier.verify(ctx.realm(), subject.get().toString(), pending.get(), code)) {
            return Action.goTo("false");
        }
        secrets.save(ctx.realm(), subject.get(), TotpSecret.of(pending.get()));
        return Action.goTo("true");
    }

    private Action offer(NodeContext ctx, Config config) {
        TotpSecret secret = TotpSecret.generate(random);
        ctx.state().putShared(PENDING, sealer.seal(secret.bytes()));
        String account = ctx.state().shared(UsernameCollector.USERNAME).orElse("user");
        String uri = secret.otpauthUri(config.issuer(), account);
        return Action.send(
                Callback.display(TextOutput.CALLBACK, List.of(
                        new Callback.Field("message", NodeMessages.get(TotpRegistration.class, "instructions", ctx.locale())),
                        new Callback.Field("messageType", "0"))),
                Callback.display(HIDDEN, List.of(new Callback.Field("id", "totpRegistration"),
                        new Callback.Field("value", uri), new Callback.Field("qrCode", qr.dataUri(uri)))),
                Callback.prompt(PasswordCollector.CALLBACK, NodeMessages.get(TotpRegistration.class, "prompt", ctx.locale())));
    }
}
