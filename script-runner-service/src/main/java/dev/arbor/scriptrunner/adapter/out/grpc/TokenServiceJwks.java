package dev.arbor.scriptrunner.adapter.out.grpc;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.MutinyTokenServiceGrpc;
import dev.arbor.scriptrunner.config.ScriptRunnerConfig;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * A realm's JWK Set (RFC 7517 §5) as JSON from token-service {@code GetJwks}, non-blocking (the
 * admin API runs on the event loop), cached as authtree's TokenServiceJwks does: for
 * {@code arbor.admin.jwks-cache-ttl}; an unknown {@code kid} refetches at most once per
 * {@code jwks-refetch-interval}; when token-service is unreachable the last set is kept.
 */
@ApplicationScoped
public class TokenServiceJwks {
    private static final Logger LOG = Logger.getLogger(TokenServiceJwks.class);

    private final MutinyTokenServiceGrpc.MutinyTokenServiceStub stub;
    private final Duration ttl;
    private final Duration refetchInterval;
    private final Duration timeout;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    public TokenServiceJwks(@GrpcClient("token") MutinyTokenServiceGrpc.MutinyTokenServiceStub stub,
                            ScriptRunnerConfig config) {
        this.stub = stub;
        this.ttl = config.admin().jwksCacheTtl();
        this.refetchInterval = config.admin().jwksRefetchInterval();
        this.timeout = config.admin().peerTimeout();
    }

    /** The set's JSON for verifying a signature made with {@code kid}; empty when token-service was never reachable. */
    public Uni<Optional<String>> jwksJson(String realm, String kid) {
        Entry entry = entries.get(realm);
        Instant now = Instant.now();
        boolean fresh = entry != null && now.isBefore(entry.fetchedAt().plus(ttl));
        boolean mayRefetch = entry == null || !now.isBefore(entry.fetchedAt().plus(refetchInterval));
        if (fresh && (entry.knows(kid) || !mayRefetch)) {
            return Uni.createFrom().item(Optional.of(entry.json()));
        }
        return stub.getJwks(GetJwksRequest.newBuilder().setRealm(realm).build())
                .ifNoItem().after(timeout).fail()
                .map(response -> {
                    Entry fetched = Entry.of(response.getJwksJson(), Instant.now());
                    entries.put(realm, fetched);
                    return Optional.of(fetched.json());
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("JWKS of realm %s could not be fetched (%s); keeping the previous set, if any",
                            realm, failure.getClass().getSimpleName());
                    return Optional.ofNullable(entry).map(Entry::json);
                });
    }

    private record Entry(String json, java.util.Set<String> kids, Instant fetchedAt) {
        static Entry of(String json, Instant at) {
            try {
                return new Entry(json, new JsonWebKeySet(json).getJsonWebKeys().stream().map(JsonWebKey::getKeyId)
                        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()), at);
            } catch (JoseException e) {
                throw new IllegalStateException("token-service returned a JWK Set that does not parse");
            }
        }

        boolean knows(String kid) {
            return kid != null && kids.contains(kid);
        }
    }
}
