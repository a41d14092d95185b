package dev.arbor.token.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.domain.code.AuthorizationCodeBinding;
import dev.arbor.token.domain.code.CodeRedemption;
import dev.arbor.token.port.AuthorizationCodeStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Authorization codes in Redis: {@code <prefix>code:<hash>} holds the binding as JSON with a TTL of
 * the code lifetime. Redemption is one {@code GETDEL}, atomic in Redis, so of N concurrent
 * redemptions exactly one receives the binding. The winner then writes {@code <prefix>code-used:<hash>}
 * (value: JSON naming the realm, the client and, once issued, the access tokens' jti and exp) so a
 * later replay can be told apart from an unknown code and can revoke those tokens.
 */
@Singleton
public class RedisAuthorizationCodeStore implements AuthorizationCodeStore {

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final String codePrefix;
    private final String usedPrefix;

    public RedisAuthorizationCodeStore(ReactiveRedisDataSource redis, ObjectMapper json, ArborConfig config) {
        this.values = redis.value(String.class, String.class);
        this.json = json;
        this.codePrefix = config.redis().keyPrefix() + "code:";
        this.usedPrefix = config.redis().keyPrefix() + "code-used:";
    }

    @Override
    public CompletionStage<Void> save(String codeHash, AuthorizationCodeBinding binding, Duration lifetime) {
        return values.psetex(codePrefix + codeHash, lifetime.toMillis(), write(binding)).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<AuthorizationCodeBinding>> take(String codeHash, Duration markerLifetime) {
        return values.getdel(codePrefix + codeHash)
                .onItem().transformToUni(stored -> stored == null
                        ? Uni.createFrom().item(Optional.<AuthorizationCodeBinding>empty())
                        : markRedeemed(codeHash, read(stored), markerLifetime))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> recordIssued(String codeHash, CodeRedemption redemption, Duration markerLifetime) {
        return values.psetex(usedPrefix + codeHash, markerLifetime.toMillis(), writeMarker(redemption))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<CodeRedemption>> redeemedBy(String codeHash) {
        return values.get(usedPrefix + codeHash)
                .map(stored -> Optional.ofNullable(stored).map(this::readMarker))
                .subscribeAsCompletionStage();
    }

    private Uni<Optional<AuthorizationCodeBinding>> markRedeemed(String codeHash, AuthorizationCodeBinding binding,
            Duration markerLifetime) {
        var inFlight = new CodeRedemption(binding.realm(), binding.clientId(), java.util.List.of());
        return values.psetex(usedPrefix + codeHash, markerLifetime.toMillis(), writeMarker(inFlight))
                .replaceWith(Optional.of(binding));
    }

    private String writeMarker(CodeRedemption redemption) {
        try {
            return json.writeValueAsString(CodeRedemptionJson.from(redemption));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a code redemption marker", e);
        }
    }

    private CodeRedemption readMarker(String stored) {
        try {
            return json.readValue(stored, CodeRedemptionJson.class).toRedemption();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable code redemption marker in Redis", e);
        }
    }

    private String write(AuthorizationCodeBinding binding) {
        try {
            return json.writeValueAsString(AuthorizationCodeJson.from(binding));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an authorization code binding", e);
        }
    }

    private AuthorizationCodeBinding read(String stored) {
        try {
            return json.readValue(stored, AuthorizationCodeJson.class).toBinding();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable authorization code binding in Redis", e);
        }
    }
}
