package dev.arbor.sessionstore.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.sessionstore.adapter.out.jose.JweBox;
import dev.arbor.sessionstore.domain.session.SsoSession;
import dev.arbor.sessionstore.port.SsoSessionRepository;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * SSO sessions as JSON strings under a digest of their id, expiring with the session (Redis TTL), plus
 * a per-(realm, subject) set of those digests for ListSessions. The set expires with its longest-lived
 * session (raised atomically on each save); members whose session key is gone (expired or ended) are
 * pruned when the set is read.
 */
@ApplicationScoped
public class RedisSsoSessionRepository implements SsoSessionRepository {
    static final String SESSION_ID_CONTENT_TYPE = "arbor-session-id";

    /** SADD, then raise the set's expiry to ARGV[2] ms unless it already lives longer. */
    private static final String ADD_TO_INDEX = """
            redis.call('SADD', KEYS[1], ARGV[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < tonumber(ARGV[2]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveSetCommands<String, String> sets;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final JweBox box;

    public RedisSsoSessionRepository(ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json, JweBox box) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = keys;
        this.json = json;
        this.box = box;
    }

    @Override
    public CompletionStage<Void> save(SsoSession session, Duration ttl) {
        String sealedId = box.seal(SESSION_ID_CONTENT_TYPE, session.id());
        return values.set(keys.ssoSession(session.id()), write(StoredSession.of(session, sealedId)),
                        new SetArgs().px(ttl))
                .chain(() -> redis.execute("EVAL", ADD_TO_INDEX, "1",
                        keys.subjectSessions(session.realm(), session.subject()),
                        keys.sessionDigest(session.id()), Long.toString(ttl.toMillis())))
                .replaceWithVoid()
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<SsoSession>> find(String id) {
        return values.get(keys.ssoSession(id))
                .map(value -> Optional.ofNullable(value).map(this::read).map(stored -> stored.withId(id)))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> delete(SsoSession session) {
        return redis.key().del(keys.ssoSession(session.id()))
                .call(() -> sets.srem(keys.subjectSessions(session.realm(), session.subject()),
                        keys.sessionDigest(session.id())))
                .map(removed -> removed > 0)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<SsoSession>> findBySubject(String realm, String subject) {
        String index = keys.subjectSessions(realm, subject);
        return sets.smembers(index)
                .chain(digests -> {
                    if (digests.isEmpty()) {
                        return Uni.createFrom().item(List.<SsoSession>of());
                    }
                    List<String> members = List.copyOf(digests);
                    // One GET per member, not MGET: in Redis Cluster the session keys live in different slots.
                    List<Uni<Optional<String>>> reads = members.stream()
                            .map(digest -> values.get(keys.ssoSessionByDigest(digest)).map(Optional::ofNullable))
                            .toList();
                    return Uni.join().all(reads).andFailFast().chain(found -> {
                        List<SsoSession> sessions = new ArrayList<>();
                        List<String> gone = new ArrayList<>();
                        for (int i = 0; i < members.size(); i++) {
                            String value = found.get(i).orElse(null);
                            if (value == null) {
                                gone.add(members.get(i));
                                continue;
                            }
                            StoredSession stored = read(value);
                            // A sealed id that no longer opens (its key was retired) cannot be listed.
                            Optional.ofNullable(stored.sealedId())
                                    .flatMap(sealed -> box.open(SESSION_ID_CONTENT_TYPE, sealed))
                                    .ifPresent(id -> sessions.add(stored.withId(id)));
                        }
                        Uni<Integer> pruned = gone.isEmpty()
                                ? Uni.createFrom().item(0)
                                : sets.srem(index, gone.toArray(String[]::new));
                        return pruned.replaceWith(List.copyOf(sessions));
                    });
                })
                .subscribeAsCompletionStage();
    }

    private String write(StoredSession session) {
        try {
            return json.writeValueAsString(session);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a session", e);
        }
    }

    private StoredSession read(String value) {
        try {
            return json.readValue(value, StoredSession.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable session value in Redis", e);
        }
    }
}
