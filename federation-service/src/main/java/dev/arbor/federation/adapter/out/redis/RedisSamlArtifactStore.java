package dev.arbor.federation.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.saml2.ArtifactMessage;
import dev.arbor.federation.port.SamlArtifactStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link SamlArtifactStore} in Redis: one JSON value under
 * {@code <prefix>saml2-artifact:<SHA-256(issuer, SP entityID, MessageHandle)>}, {@code SET PX ttl}.
 * {@link #take} is {@code GETDEL}: atomic across replicas, so an artifact is resolved once. The SP is part
 * of the key, so a request on behalf of another SP finds nothing and leaves the artifact in place; the
 * digest keeps the MessageHandle (a bearer secret) out of the key space.
 */
@ApplicationScoped
public class RedisSamlArtifactStore implements SamlArtifactStore {
    private static final Logger LOG = Logger.getLogger(RedisSamlArtifactStore.class);

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final String prefix;

    public RedisSamlArtifactStore(ReactiveRedisDataSource redis, ObjectMapper json, ArborConfig config) {
        this.values = redis.value(String.class, String.class);
        this.json = json;
        this.prefix = config.redis().keyPrefix() + "saml2-artifact:";
    }

    @Override
    public Uni<Void> put(byte[] messageHandle, ArtifactMessage message, Duration ttl) {
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("artifact message not serialisable", e));
        }
        return values.set(key(message.issuer(), message.spEntityId(), messageHandle), text,
                new SetArgs().px(Math.max(1, ttl.toMillis())));
    }

    @Override
    public Uni<Optional<ArtifactMessage>> take(String issuer, String spEntityId, byte[] messageHandle) {
        return values.getdel(key(issuer, spEntityId, messageHandle)).map(this::parse);
    }

    private Optional<ArtifactMessage> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, ArtifactMessage.class));
        } catch (JsonProcessingException e) {
            LOG.warn("a stored SAML artifact message could not be read; treated as absent");
            return Optional.empty();
        }
    }

    private String key(String issuer, String spEntityId, byte[] messageHandle) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {issuer, spEntityId}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update(new byte[] {(byte) (bytes.length >> 24), (byte) (bytes.length >> 16),
                        (byte) (bytes.length >> 8), (byte) bytes.length});
                sha256.update(bytes);
            }
            sha256.update(messageHandle);
            return prefix + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
