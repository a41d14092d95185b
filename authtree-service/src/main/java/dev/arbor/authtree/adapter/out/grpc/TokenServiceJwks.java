package dev.arbor.authtree.adapter.out.grpc;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.TokenServiceGrpc;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * A realm's JWK Set (RFC 7517 §5) from token-service {@code GetJwks}, cached for
 * {@code arbor.authtree.jwks-cache-ttl}, as federation's JwksCache does. An unknown {@code kid} triggers a
 * refetch (a rotated key) at most once per {@code jwks-refetch-interval}, so forged key ids cannot make this
 * service hammer token-service; when token-service is unreachable the last set is kept.
 */
@ApplicationScoped
public class TokenServiceJwks {
    private static final Logger LOG = Logger.getLogger(TokenServiceJwks.class);

    private final TokenServiceGrpc.TokenServiceBlockingStub stub;
    private final Clock clock;
    private final Duration ttl;
    private final Duration refetchInterval;
    private final Duration timeout;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    public TokenServiceJwks(@GrpcClient("token") TokenServiceGrpc.TokenServiceBlockingStub stub, Clock clock,
            ArborConfig config) {
        this.stub = stub;
        this.clock = clock;
        this.ttl = config.authtree().jwksCacheTtl();
        this.refetchInterval = config.authtree().jwksRefetchInterval();
        this.timeout = config.authtree().peerTimeout();
    }

    /** Keys to verify a signature made with {@code kid}; empty when token-service was never reachable. */
    public Optional<JsonWebKeySet> keysFor(String realm, String kid) {
        Entry entry = entries.get(realm);
        Instant now = clock.instant();
        boolean fresh = entry != null && now.isBefore(entry.fetchedAt().plus(ttl));
        boolean known = entry != null && entry.keys().getJsonWebKeys().stream().map(JsonWebKey::getKeyId)
                .anyMatch(k -> k != null && k.equals(kid));
        boolean mayRefetch = entry == null || !now.isBefore(entry.fetchedAt().plus(refetchInterval));
        if (fresh && (known || !mayRefetch)) {
            return Optional.of(entry.keys());
        }
        return fetch(realm).or(() -> Optional.ofNullable(entry).map(Entry::keys));
    }

    private Optional<JsonWebKeySet> fetch(String realm) {
        try {
            String json = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getJwks(GetJwksRequest.newBuilder().setRealm(realm).build()).getJwksJson();
            JsonWebKeySet keys = new JsonWebKeySet(json);
            entries.put(realm, new Entry(keys, clock.instant()));
            return Optional.of(keys);
        } catch (StatusRuntimeException | JoseException e) {
            LOG.warnf("JWKS of realm %s could not be fetched (%s); keeping the previous set, if any",
                    realm, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private record Entry(JsonWebKeySet keys, Instant fetchedAt) {
    }
}
