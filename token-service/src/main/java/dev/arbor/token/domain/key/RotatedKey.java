package dev.arbor.token.domain.key;

import java.time.Instant;

/** A key put in by a rotation: published at once, signing from {@code activatesAt}. */
public record RotatedKey(String kid, SigningAlgorithm alg, Instant activatesAt) {
}
