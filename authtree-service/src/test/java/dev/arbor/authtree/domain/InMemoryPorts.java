package dev.arbor.authtree.domain;

import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.journey.AuthId;
import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.domain.journey.JourneyState;
import dev.arbor.authtree.domain.journey.LoginFlow;
import dev.arbor.authtree.domain.memory.RememberedResult;
import dev.arbor.authtree.domain.session.NewSession;
import dev.arbor.authtree.domain.session.SsoSession;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.port.AuthIdCodec;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.JourneyStore;
import dev.arbor.authtree.port.LoginFlowGateway;
import dev.arbor.authtree.port.NodeResultSealer;
import dev.arbor.authtree.port.RealmConfigStore;
import dev.arbor.authtree.port.SessionGateway;
import dev.arbor.authtree.port.TotpSecretStore;
import dev.arbor.authtree.port.TreeRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** In-memory implementations of every port, for domain unit tests (the real ones are tested in @QuarkusTests). */
public final class InMemoryPorts implements IdentityRepository, TreeRepository, RealmConfigStore, JourneyStore,
        SessionGateway, LoginFlowGateway, AuthIdCodec, TotpSecretStore, NodeResultSealer {
    public final List<String> realms = new ArrayList<>();
    public final List<StoredTree> trees = new ArrayList<>();
    public final Map<String, Identity> identities = new HashMap<>();
    public final Map<String, Stored> journeys = new HashMap<>();
    public final Map<String, LoginFlow> flows = new HashMap<>();
    public final List<String> sessions = new ArrayList<>();
    public final Map<String, SsoSession> liveSessions = new java.util.LinkedHashMap<>();
    public int identityWrites;
    public final Map<String, TreeDefinition> imported = new HashMap<>();
    public final Map<UUID, TotpSecret> totpSecrets = new HashMap<>();
    /** Sealed node results by their opaque value; an unknown (tampered) value does not unseal. */
    public final Map<String, RememberedResult> sealedResults = new HashMap<>();
    public final List<NewSession> createdSessions = new ArrayList<>();

    @Override
    public Optional<Identity> findByUsername(String realm, String username) {
        return Optional.ofNullable(identities.get(realm + "/" + username));
    }

    @Override
    public Optional<Identity> findById(String realm, UUID id) {
        return identities.values().stream().filter(i -> i.realm().equals(realm) && i.id().equals(id)).findFirst();
    }

    @Override
    public void save(Identity identity) {
        identityWrites++;
        identities.put(identity.realm() + "/" + identity.username(), identity);
    }

    @Override
    public boolean realmExists(String realm) {
        return realms.contains(realm);
    }

    @Override
    public Optional<StoredTree> findLatest(String realm, String name) {
        return trees.stream().filter(t -> t.realm().equals(realm) && t.name().equals(name))
                .max(Comparator.comparingInt(StoredTree::version));
    }

    @Override
    public Optional<StoredTree> find(String realm, String name, int version) {
        return trees.stream().filter(t -> t.realm().equals(realm) && t.name().equals(name) && t.version() == version)
                .findFirst();
    }

    @Override
    public Optional<StoredTree> findDefault(String realm) {
        return trees.stream().filter(t -> t.realm().equals(realm) && t.isDefault()).findFirst()
                .flatMap(t -> findLatest(realm, t.name()));
    }

    @Override
    public void ensureRealm(String realm) {
        if (!realms.contains(realm)) {
            realms.add(realm);
        }
    }

    @Override
    public int publishTree(String realm, String name, TreeDefinition definition, boolean isDefault) {
        int version = findLatest(realm, name).map(t -> t.version() + 1).orElse(1);
        trees.add(new StoredTree(realm, name, version, isDefault, definition));
        imported.put(realm + "/" + name, definition);
        return version;
    }

    @Override
    public Optional<TreeDefinition> lastImported(String realm, String name) {
        return Optional.ofNullable(imported.get(realm + "/" + name));
    }

    @Override
    public Optional<TotpSecret> find(String realm, UUID identityId) {
        return Optional.ofNullable(totpSecrets.get(identityId));
    }

    @Override
    public void save(String realm, UUID identityId, TotpSecret secret) {
        totpSecrets.put(identityId, secret);
    }

    @Override
    public void setDefault(String realm, String name, boolean isDefault) {
        StoredTree latest = findLatest(realm, name).orElseThrow();
        trees.set(trees.indexOf(latest), new StoredTree(realm, name, latest.version(), isDefault, latest.definition()));
    }

    @Override
    public Optional<Stored> load(String journeyId) {
        return Optional.ofNullable(journeys.get(journeyId));
    }

    @Override
    public OptionalLong save(JourneyState state, long expectedVersion, Duration ttl) {
        Stored current = journeys.get(state.journeyId());
        if ((current == null ? 0 : current.version()) != expectedVersion) {
            return OptionalLong.empty();
        }
        journeys.put(state.journeyId(), new Stored(state, expectedVersion + 1));
        return OptionalLong.of(expectedVersion + 1);
    }

    @Override
    public void delete(String journeyId) {
        journeys.remove(journeyId);
    }

    @Override
    public String createSession(NewSession session) {
        createdSessions.add(session);
        sessions.add(session.subject());
        String id = "session-" + sessions.size();
        if (session.replacesSessionId() != null) {
            liveSessions.remove(session.replacesSessionId());
        }
        liveSessions.put(id, new SsoSession(id, session.realm(), session.subject(), session.authTime(),
                session.acr(), session.amr(), session.authTime().plus(session.ttl()), session.nodeResults(),
                session.properties()));
        return id;
    }

    @Override
    public Optional<SsoSession> findSession(String realm, String sessionId) {
        return Optional.ofNullable(liveSessions.get(sessionId)).filter(s -> s.realm().equals(realm));
    }

    @Override
    public List<SsoSession> listSessions(String realm, String subject) {
        return liveSessions.values().stream()
                .filter(s -> s.realm().equals(realm) && s.subject().equals(subject))
                .toList();
    }

    @Override
    public boolean endSession(String realm, String sessionId, String reason) {
        return findSession(realm, sessionId).map(s -> liveSessions.remove(sessionId) != null).orElse(false);
    }

    @Override
    public Optional<LoginFlow> find(String realm, String flowId) {
        return Optional.ofNullable(flows.get(flowId));
    }

    @Override
    public String seal(String realm, RememberedResult result) {
        String value = "sealed." + realm + "." + (sealedResults.size() + 1);
        sealedResults.put(value, result);
        return value;
    }

    @Override
    public Optional<RememberedResult> unseal(String realm, String sealed) {
        return Optional.ofNullable(sealedResults.get(sealed)).filter(r -> sealed.startsWith("sealed." + realm + "."));
    }

    /** Not signed: the unit tests are about the engine, the codec has its own tests. */
    @Override
    public String encode(AuthId authId) {
        return authId.journeyId() + "|" + authId.realm() + "|" + authId.version();
    }

    @Override
    public Optional<AuthId> decode(String token) {
        String[] parts = token.split("\\|");
        return parts.length != 3 ? Optional.empty()
                : Optional.of(new AuthId(parts[0], parts[1], Long.parseLong(parts[2]), Instant.MAX));
    }
}
