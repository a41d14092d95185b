package dev.arbor.authtree.node;

import dev.arbor.authtree.port.LockoutStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Account lockout after N failed logins, per identity (realm + username), counted in Redis so every
 * replica sees it. Place it after the password check, on BOTH of its outcomes:
 * <pre>check: { type: DataStoreDecision, outcomes: { true: lockout, false: lockout } }</pre>
 * <ul>
 *   <li>Locked (a lock whose end is still ahead): {@code locked}, whatever the password was; the verified
 *       {@code subject} is dropped so nothing downstream can treat the journey as authenticated. The
 *       attempt neither counts nor extends the lock.</li>
 *   <li>Password right ({@code subject} set): counter cleared, {@code unlocked}.</li>
 *   <li>Password wrong: one failure counted; the {@code limit}-th locks the identity for {@code duration}
 *       and goes {@code locked}; before that {@code unlocked} (the decision's result stands: no subject).</li>
 * </ul>
 * Wire {@code locked} to {@code failure}, so a locked account answers exactly like a wrong password.
 * Unknown usernames are counted and locked too, so lockout does not reveal which accounts exist.
 */
public final class AccountLockout implements Node {
    public static final String TYPE = "AccountLockout";

    private final LockoutStore store;
    private final Clock clock;

    public AccountLockout(LockoutStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Typed config: failures allowed before the lock, and how long the lock lasts. */
    record Config(int limit, Duration duration) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig c = new NodeConfig(raw);
            return new Config(c.positiveInt("limit", 10_000), c.positiveDuration("duration"));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("unlocked", "locked");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Set<String> reads() {
        return Set.of(UsernameCollector.USERNAME);
    }

    @Override
    public Action process(NodeContext ctx) {
        Config config = Config.parse(ctx.config());
        String username = ctx.state().shared(UsernameCollector.USERNAME).orElse("");
        Instant now = clock.instant();
        if (store.lockedUntil(ctx.realm(), username).filter(now::isBefore).isPresent()) {
            ctx.state().removeShared(DataStoreDecision.SUBJECT);
            return Action.goTo("locked");
        }
        if (ctx.state().shared(DataStoreDecision.SUBJECT).isPresent()) {
            store.reset(ctx.realm(), username);
            return Action.goTo("unlocked");
        }
        long failures = store.recordFailure(ctx.realm(), username, config.duration());
        if (failures >= config.limit()) {
            store.lock(ctx.realm(), username, now.plus(config.duration()));
            return Action.goTo("locked");
        }
        return Action.goTo("unlocked");
    }
}
