package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.port.TokenGateway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * Each realm's JWK Set (RFC 7517 §5) from token-service, kept in memory for
 * {@code arbor.federation.jwks-cache-ttl}. A token signed with a key id not in the set triggers a
 * refetch (the key was rotated), at most once per {@code jwks-refetch-interval} per realm, so
 * forged key ids cannot make this service hammer token-service. When token-service is unreachable
 * the last set is kept.
 */
@ApplicationScoped
public class JwksCache {
    private static final Logger LOG = Logger.getLogger(JwksCache.class);

    private final TokenGateway tokens;
    private final Clock clock;
    private final Duration ttl;
    private final Duration refetchInterval;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    public JwksCache(TokenGateway tokens, Clock clock, ArborConfig config) {
        this.tokens = tokens;
        this.clock = clock;
        this.ttl = config.federation().jwksCacheTtl();
        this.refetchInterval = config.federation().jwksRefetchInterval();
    }

    /** The realm's JWK Set as JSON text, for the jwks_uri endpoint. */
    public Uni<String> json(String realm) {
        return current(realm).map(Entry::json);
    }

    /** Keys to verify a signature made with {@code kid}; refetched (rate-limited) when the kid is unknown. */
    public Uni<JsonWebKeySet> keysFor(String realm, String kid) {
        return current(realm).chain(entry -> {
            boolean known = entry.keys().getJsonWebKeys().stream().map(JsonWebKey::getKeyId)
                    .anyMatch(k -> k != null && k.equals(kid));
            if (known || clock.instant().isBefore(entry.fetchedAt().plus(refetchInterval))) {
                return Uni.createFrom().item(entry.keys());
            }
            return fetch(realm).map(Entry::keys);
        });
    }

    private Uni<Entry> current(String realm) {
        Entry entry = entries.get(realm);
        if (entry != null && clock.instant().isBefore(entry.fetchedAt().plus(ttl))) {
            return Uni.createFrom().item(entry);
        }
        return fetch(realm);
    }

    private Uni<Entry> fetch(String realm) {
        return tokens.jwks(realm)
                .map(json -> {
                    Entry fresh = new Entry(json, parse(json), clock.instant());
                    entries.put(realm, fresh);
                    return fresh;
                })
                .onFailure().recoverWithUni(failure -> {
                    Entry stale = entries.get(realm);
                    if (stale == null) {
                        return Uni.createFrom().failure(failure);
                    }
                    LOG.warnf("JWKS of realm %s could not be refreshed (%s); keeping the previous set",
                            realm, failure.getClass().getSimpleName());
                    return Uni.createFrom().item(stale);
                });
    }

    private static JsonWebKeySet parse(String json) {
        try {
            return new JsonWebKeySet(json);
        } catch (JoseException e) {
            throw new IllegalStateException("token-service returned a JWK Set that does not parse", e);
        }
    }

    private record Entry(String json, JsonWebKeySet keys, Instant fetchedAt) {
    }
}
