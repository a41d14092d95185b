package dev.arbor.token.domain.key;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A snapshot of one realm's published keys, as a replica read them at {@code loadedAt}. The signing
 * key is chosen by time, not by a flag, so a snapshot stays right across an activation it already
 * knows about.
 */
public record RealmKeySet(String realm, List<StoredSigningKey> keys, Instant loadedAt) {

    private static final Comparator<StoredSigningKey> NEWEST_FIRST =
            Comparator.comparing(StoredSigningKey::activatesAt).reversed().thenComparing(StoredSigningKey::kid);

    public RealmKeySet {
        keys = keys.stream().sorted(NEWEST_FIRST).toList();
    }

    /**
     * The key of {@code alg} that signs at {@code now}: the most recently activated one not yet
     * retired. When none is in its window, the key not yet retired is used: that is only the case of
     * a realm's first key seen by a replica whose clock is behind the one that created it.
     */
    public Optional<StoredSigningKey> signingKey(SigningAlgorithm alg, Instant now) {
        Optional<StoredSigningKey> active = keys.stream()
                .filter(k -> k.alg() == alg && k.signsAt(now))
                .findFirst();
        return active.isPresent() ? active
                : keys.stream().filter(k -> k.alg() == alg && !k.isRetired()).reduce((newer, older) -> older);
    }

    /** The algorithms this realm has keys for. */
    public Set<SigningAlgorithm> algorithms() {
        Set<SigningAlgorithm> algs = new TreeSet<>();
        keys.forEach(k -> algs.add(k.alg()));
        return algs;
    }

    /** RFC 7517 §5: the JWK Set of the keys published at {@code now}, public parts only, newest first. */
    public String jwks(KeyLifecycle lifecycle, Instant now) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        keys.stream().filter(k -> lifecycle.isPublished(k, now)).forEach(k -> {
            if (json.charAt(json.length() - 1) != '[') {
                json.append(',');
            }
            json.append(k.publicJwk());
        });
        return json.append("]}").toString();
    }
}
