package dev.arbor.sessionstore.domain.session;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.arbor.sessionstore.domain.InvalidRequestException;
import dev.arbor.sessionstore.port.ForgetBeforeMarkers;
import dev.arbor.sessionstore.port.NodeResultCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Per-node memory with store "cookie": seals a node result for its realm and opens it again. A sealed
 * result lives at most {@code maxTtl}. Opening gives nothing (never an error) when the value does not open
 * (unparseable, unknown key, tampered), belongs to another realm, has expired, or was remembered at or
 * before its subject's forget-before marker (set by logout): that second is counted as forgotten, so a
 * result sealed in the same second as a logout does not survive it.
 */
public final class NodeResultSealing {
    /** Browsers keep about 4 KiB per cookie; 8 KiB leaves room and still bounds the work of a bad value. */
    public static final int MAX_SEALED_LENGTH = 8 * 1024;

    private final NodeResultCipher cipher;
    private final ForgetBeforeMarkers forgetMarkers;
    private final Duration maxTtl;
    private final Clock clock;

    public NodeResultSealing(NodeResultCipher cipher, ForgetBeforeMarkers forgetMarkers, Duration maxTtl,
                             Clock clock) {
        this.cipher = cipher;
        this.forgetMarkers = forgetMarkers;
        this.maxTtl = maxTtl;
        this.clock = clock;
    }

    public String seal(String realm, NodeResult result) {
        requireRealm(realm);
        Instant now = clock.instant();
        if (!result.validAt(now)) {
            throw new InvalidRequestException("node result expires_at must be in the future");
        }
        String sealed = cipher.seal(realm, result.expiringNoLaterThan(now.plus(maxTtl)));
        if (sealed.length() > MAX_SEALED_LENGTH) {
            throw new InvalidRequestException("node result is too large to seal");
        }
        return sealed;
    }

    public CompletionStage<Optional<NodeResult>> unseal(String realm, String sealed) {
        requireRealm(realm);
        if (sealed != null && sealed.length() > MAX_SEALED_LENGTH) {
            throw new InvalidRequestException("sealed is longer than 8 KiB");
        }
        if (sealed == null || sealed.isBlank()) {
            return completedFuture(Optional.empty());
        }
        Instant now = clock.instant();
        Optional<NodeResult> opened = cipher.open(sealed)
                .filter(content -> content.realm().equals(realm))
                .map(NodeResultCipher.Sealed::result)
                .filter(result -> result.validAt(now));
        if (opened.isEmpty()) {
            return completedFuture(Optional.empty());
        }
        NodeResult result = opened.get();
        return forgetMarkers.find(realm, result.subject()).thenApply(marker -> marker
                .filter(forgetBefore -> !result.rememberedAt().isAfter(forgetBefore))
                .map(forgotten -> Optional.<NodeResult>empty())
                .orElse(opened));
    }

    private static void requireRealm(String realm) {
        if (realm == null || realm.isBlank()) {
            throw new InvalidRequestException("realm is required");
        }
    }
}
