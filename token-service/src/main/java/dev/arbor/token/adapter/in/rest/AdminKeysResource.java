package dev.arbor.token.adapter.in.rest;

import dev.arbor.token.domain.key.KeyLifecycle;
import dev.arbor.token.domain.key.KeyRotation;
import dev.arbor.token.domain.key.RotatedKey;
import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.key.SigningKeyService;
import dev.arbor.token.domain.key.StoredSigningKey;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Admin API of a realm's signing keys: list them with their lifecycle state (no private material),
 * and rotate them (docs/guides/keys.md). Requires an admin token ({@link AdminAuthorization}).
 */
@Path("/admin/realms/{realm}/keys")
@Produces(MediaType.APPLICATION_JSON)
public class AdminKeysResource {
    private static final Pattern REALM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AdminAuthorization admin;
    private final SigningKeyService keys;
    private final KeyRotation rotation;
    private final Clock clock;

    public AdminKeysResource(AdminAuthorization admin, SigningKeyService keys, KeyRotation rotation, Clock clock) {
        this.admin = admin;
        this.keys = keys;
        this.rotation = rotation;
        this.clock = clock;
    }

    /** The realm's published keys, newest first. */
    @GET
    public Uni<KeyList> list(@PathParam("realm") String realm,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return admin.require(authorization)
                .chain(v -> Uni.createFrom().completionStage(keys.keySet(requireRealm(realm))))
                .map(set -> {
                    Instant now = clock.instant();
                    KeyLifecycle lifecycle = keys.lifecycle();
                    return new KeyList(realm, set.keys().stream()
                            .map(k -> KeyView.of(k, lifecycle, now))
                            .filter(Objects::nonNull)
                            .toList());
                });
    }

    /** Rotates the keys of {@code alg}, or of every algorithm the realm has keys for. */
    @POST
    @Path("rotate")
    public Uni<Rotation> rotate(@PathParam("realm") String realm, @QueryParam("alg") String alg,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return admin.require(authorization)
                .chain(v -> {
                    Optional<SigningAlgorithm> only = algorithm(alg);
                    return Uni.createFrom().completionStage(rotation.rotate(requireRealm(realm), only));
                })
                .map(rotated -> new Rotation(realm, rotated.stream().map(RotatedView::of).toList()));
    }

    private static String requireRealm(String realm) {
        if (realm == null || !REALM_NAME.matcher(realm).matches()) {
            throw new ProblemException(Problem.of(404, "Not Found", "The realm does not exist."), null);
        }
        return realm;
    }

    private static Optional<SigningAlgorithm> algorithm(String alg) {
        if (alg == null) {
            return Optional.empty();
        }
        return Optional.of(SigningAlgorithm.find(alg).orElseThrow(() -> ProblemException.badRequest(
                "alg must be one of RS256, PS256, ES256, EdDSA.")));
    }

    public record KeyList(String realm, List<KeyView> keys) {
    }

    /** What an administrator sees of a key: its id, algorithm and lifecycle, never key material. */
    public record KeyView(String kid, String alg, String state, String activatesAt, String retiredAt,
            String publishedUntil) {
        static KeyView of(StoredSigningKey key, KeyLifecycle lifecycle, Instant now) {
            return lifecycle.stateOf(key, now)
                    .map(state -> new KeyView(key.kid(), key.alg().jwsName(), state.value(),
                            key.activatesAt().toString(), text(key.retiredAt()), text(lifecycle.publishedUntil(key))))
                    .orElse(null);
        }
    }

    public record Rotation(String realm, List<RotatedView> rotated) {
    }

    public record RotatedView(String kid, String alg, String activatesAt) {
        static RotatedView of(RotatedKey key) {
            return new RotatedView(key.kid(), key.alg().jwsName(), key.activatesAt().toString());
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
