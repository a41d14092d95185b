package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.recovery.RecoveryCodes;
import dev.arbor.authtree.port.RecoveryCodeHasher;
import dev.arbor.authtree.port.RecoveryCodeStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues a new set of {@link RecoveryCodes#COUNT} recovery codes for shared {@code subject}. Entering, it draws
 * the codes and sends them once, in a {@code TextOutputCallback}, with a {@code ConfirmationCallback}
 * "I have saved these codes". Only their HMACs wait in shared state; confirming stores them as the identity's
 * set, replacing every earlier code: {@code true}. {@code false}: no subject, or the step was lost.
 */
public final class RecoveryCodeRegistration implements Node {
    public static final String TYPE = "RecoveryCodeRegistration";
    static final String PENDING = "recoveryCodesPending";

    private final RecoveryCodeStore store;
    private final RecoveryCodeHasher hasher;
    private final SecureRandom random;

    public RecoveryCodeRegistration(RecoveryCodeStore store, RecoveryCodeHasher hasher, SecureRandom random) {
        this.store = store;
        this.hasher = hasher;
        this.random = random;
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
    public Set<String> reads() {
        return Set.of(DataStoreDecision.SUBJECT);
    }

    @Override
    public Action process(NodeContext ctx) {
        Optional<UUID> subject = ctx.state().shared(DataStoreDecision.SUBJECT).flatMap(TotpDecision::uuid);
        if (subject.isEmpty()) {
            return Action.goTo("false");
        }
        if (!ctx.hasAnswers()) {
            return offer(ctx, subject.get());
        }
        Confirmation.chosen(ctx, 1);
        Optional<String> pending = ctx.state().shared(PENDING);
        ctx.state().removeShared(PENDING);
        if (pending.isEmpty()) {
            return Action.goTo("false");
        }
        List<byte[]> hashes = Arrays.stream(pending.get().split("\\.")).map(Base64.getUrlDecoder()::decode).toList();
        store.replace(ctx.realm(), subject.get(), hashes);
        return Action.goTo("true");
    }

    private Action offer(NodeContext ctx, UUID subject) {
        List<String> codes = RecoveryCodes.generate(random);
        ctx.state().putShared(PENDING, codes.stream()
                .map(code -> Base64.getUrlEncoder().withoutPadding().encodeToString(hasher.hash(ctx.realm(), subject, code)))
                .collect(Collectors.joining(".")));
        String shown = NodeMessages.get(RecoveryCodeRegistration.class, "instructions") + "\n\n"
                + codes.stream().map(RecoveryCodes::display).collect(Collectors.joining("\n"));
        String saved = NodeMessages.get(RecoveryCodeRegistration.class, "saved");
        return Action.send(
                Callback.display(TextOutput.CALLBACK, List.of(new Callback.Field("message", shown),
                        new Callback.Field("messageType", "0"))),
                Confirmation.ask(saved, List.of(saved), 0));
    }
}
