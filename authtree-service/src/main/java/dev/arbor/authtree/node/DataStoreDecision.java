package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.identity.Argon2idPasswordHasher;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.port.IdentityRepository;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * AM "Data Store Decision": looks up shared {@code username} in the realm and verifies transient
 * {@code password} with Argon2id. {@code true} writes shared {@code subject} (the identity's id).
 * An unknown user costs the same Argon2id computation as a wrong password.
 */
public final class DataStoreDecision implements Node {
    public static final String TYPE = "DataStoreDecision";
    public static final String SUBJECT = "subject";

    private final IdentityRepository identities;
    private final Argon2idPasswordHasher hasher;

    public DataStoreDecision(IdentityRepository identities, Argon2idPasswordHasher hasher) {
        this.identities = identities;
        this.hasher = hasher;
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
        return Set.of(UsernameCollector.USERNAME, PasswordCollector.PASSWORD);
    }

    @Override
    public Set<String> writes() {
        return Set.of(SUBJECT);
    }

    @Override
    public Action process(NodeContext ctx) {
        String password = ctx.state().transientValue(PasswordCollector.PASSWORD).orElse("");
        Optional<Identity> identity = ctx.state().shared(UsernameCollector.USERNAME)
                .flatMap(username -> identities.findByUsername(ctx.realm(), username));
        boolean valid = hasher.verifyOrDummy(identity.map(Identity::passwordHash).orElse(null), password);
        if (valid && identity.isPresent()) {
            ctx.state().putShared(SUBJECT, identity.get().id().toString());
            return Action.goTo("true");
        }
        return Action.goTo("false");
    }

    /** RFC 8176: {@code pwd} once the node left through {@code true}. */
    @Override
    public java.util.Optional<String> amr(String outcome) {
        return "true".equals(outcome) ? java.util.Optional.of("pwd") : java.util.Optional.empty();
    }
}
