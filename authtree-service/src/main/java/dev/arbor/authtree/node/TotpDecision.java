package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.domain.totp.TotpVerifier;
import dev.arbor.authtree.port.TotpSecretStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies transient {@code oneTimePassword} against the TOTP secret (RFC 6238) enrolled for shared
 * {@code subject}: {@code true} when the code is valid within ±1 time step and was not used before,
 * {@code false} otherwise (wrong, malformed or replayed code), {@code unregistered} when the identity has
 * no TOTP secret (wire it to a {@link TotpRegistration} or to {@code failure}).
 */
public final class TotpDecision implements Node {
    public static final String TYPE = "TotpDecision";

    private final TotpSecretStore secrets;
    private final TotpVerifier verifier;

    public TotpDecision(TotpSecretStore secrets, TotpVerifier verifier) {
        this.secrets = secrets;
        this.verifier = verifier;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("true", "false", "unregistered");
    }

    @Override
    public Set<String> reads() {
        return Set.of(DataStoreDecision.SUBJECT, TotpCollector.ONE_TIME_PASSWORD);
    }

    @Override
    public Action process(NodeContext ctx) {
        Optional<UUID> subject = ctx.state().shared(DataStoreDecision.SUBJECT).flatMap(TotpDecision::uuid);
        if (subject.isEmpty()) {
            return Action.goTo("false");
        }
        Optional<TotpSecret> secret = secrets.find(ctx.realm(), subject.get());
        if (secret.isEmpty()) {
            return Action.goTo("unregistered");
        }
        String code = ctx.state().transientValue(TotpCollector.ONE_TIME_PASSWORD).orElse("");
        boolean valid = verifier.verify(ctx.realm(), subject.get().toString(), secret.get().bytes(), code);
        return Action.goTo(valid ? "true" : "false");
    }

    static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** RFC 8176: {@code otp} once the node left through {@code true}. */
    @Override
    public java.util.Optional<String> amr(String outcome) {
        return "true".equals(outcome) ? java.util.Optional.of("otp") : java.util.Optional.empty();
    }
}
