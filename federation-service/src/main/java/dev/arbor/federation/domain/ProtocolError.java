package dev.arbor.federation.domain;

import java.util.Objects;

/** An error of a protocol as its specification names it, e.g. {@code invalid_scope}; no internals. */
public record ProtocolError(String code, String description) {
    public ProtocolError {
        Objects.requireNonNull(code, "code");
        description = description == null ? "" : description;
    }
}
