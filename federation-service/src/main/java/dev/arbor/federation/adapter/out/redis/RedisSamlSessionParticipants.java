package dev.arbor.federation.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.saml2.SamlParticipant;
import dev.arbor.federation.port.SamlSessionParticipants;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link SamlSessionParticipants} in Redis: a hash per session,
 * {@code <prefix>saml-participants:<realm>:<sid>}, field = SP entityID, value = the record as JSON;
 * and an index from NameID to sessions, {@code <prefix>saml-nameid:<sha256(realm, sp, NameID)>}, a set
 * of sids (hashed so an SP-chosen value never shapes the key space). Both expire with the session
 * ({@link RedisLogoutParticipants#FALLBACK_TTL} when its end is unknown).
 */
@ApplicationScoped
public class RedisSamlSessionParticipants implements SamlSessionParticipants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;
    private final String prefix;
    private final Clock clock;

    public RedisSamlSessionParticipants(ReactiveRedisDataSource redis, ArborConfig config, Clock clock) {
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.sets = redis.set(String.class, String.class);
        this.keys = redis.key(String.class);
        this.prefix = config.redis().keyPrefix();
        this.clock = clock;
    }

    @Override
    public Uni<Void> record(String realm, SamlParticipant participant, Instant sessionExpiresAt) {
        Instant now = clock.instant();
        long until = (sessionExpiresAt == null || !sessionExpiresAt.isAfter(now)
                ? now.plus(RedisLogoutParticipants.FALLBACK_TTL) : sessionExpiresAt).getEpochSecond();
        String session = sessionKey(realm, participant.sid());
        String named = nameKey(realm, participant.spEntityId(), participant.nameId());
        return hashes.hset(session, participant.spEntityId(), write(participant))
                .chain(() -> keys.expireat(session, until))
                .chain(() -> sets.sadd(named, participant.sid()))
                .chain(() -> keys.expireat(named, until))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<SamlParticipant>> of(String realm, String sid) {
        return hashes.hgetall(sessionKey(realm, sid)).map(all -> all.values().stream()
                .map(RedisSamlSessionParticipants::read).filter(Objects::nonNull).toList());
    }

    @Override
    public Uni<Set<String>> sessionsNamed(String realm, String spEntityId, String nameId) {
        return sets.smembers(nameKey(realm, spEntityId, nameId)).map(Set::copyOf);
    }

    @Override
    public Uni<Void> forget(String realm, String sid) {
        return keys.del(sessionKey(realm, sid)).replaceWithVoid();
    }

    private String sessionKey(String realm, String sid) {
        return prefix + "saml-participants:" + realm + ":" + sid;
    }

    private String nameKey(String realm, String sp, String nameId) {
        try {
            return prefix + "saml-nameid:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((realm + '\n' + sp + '\n' + nameId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String write(SamlParticipant participant) {
        try {
            return JSON.writeValueAsString(participant);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a participant record could not be written", e);
        }
    }

    private static SamlParticipant read(String json) {
        try {
            return JSON.readValue(json, SamlParticipant.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // a record of an older shape: ignored, as if not recorded
        }
    }
}
