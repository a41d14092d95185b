package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.recovery.RecoveryCodes;
import dev.arbor.authtree.domain.recovery.StoredRecoveryCode;
import dev.arbor.authtree.port.RecoveryCodeHasher;
import dev.arbor.authtree.port.RecoveryCodeStore;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks for a recovery code ({@code PasswordCallback} "Recovery code") and checks it against the unused codes
 * of shared {@code subject}: {@code true} uses it up (once, even when two replicas race: the store's
 * conditional update decides), {@code false} for a wrong, malformed or already used code or no subject,
 * {@code none_left} when the identity has no unused code (never registered, or all used). Case, spaces and
 * dashes do not matter. The HMAC of the input is compared with every stored one in constant time, without
 * stopping at a match. Wire {@code false} to a retry limit or an account lockout.
 */
public final class RecoveryCodeDecision implements Node {
    public static final String TYPE = "RecoveryCodeDecision";

    private final RecoveryCodeStore store;
    private final RecoveryCodeHasher hasher;

    public RecoveryCodeDecision(RecoveryCodeStore store, RecoveryCodeHasher hasher) {
        this.store = store;
        this.hasher = hasher;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("true", "false", "none_left");
    }

    @Override
    public Set<String> reads() {
        return Set.of(DataStoreDecision.SUBJECT);
    }

    @Override
    public Action process(NodeContext ctx) {
        if (!ctx.hasAnswers()) {
            return Action.send(Callback.prompt(PasswordCollector.CALLBACK,
                    NodeMessages.get(RecoveryCodeDecision.class, "prompt")));
        }
        String typed = ctx.requireInput(PasswordCollector.CALLBACK);
        Optional<UUID> subject = ctx.state().shared(DataStoreDecision.SUBJECT).flatMap(TotpDecision::uuid);
        if (subject.isEmpty()) {
            return Action.goTo("false");
        }
        List<StoredRecoveryCode> unused = store.unused(ctx.realm(), subject.get());
        if (unused.isEmpty()) {
            return Action.goTo("none_left");
        }
        Optional<String> code = RecoveryCodes.normalize(typed);
        if (code.isEmpty()) {
            return Action.goTo("false");
        }
        byte[] hash = hasher.hash(ctx.realm(), subject.get(), code.get());
        long match = -1;
        for (StoredRecoveryCode stored : unused) {
            if (MessageDigest.isEqual(stored.hash(), hash)) {
                match = stored.id();
            }
        }
        return Action.goTo(match >= 0 && store.markUsed(ctx.realm(), subject.get(), match) ? "true" : "false");
    }
}
