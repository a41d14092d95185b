package dev.arbor.authtree.domain.tree;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A node's {@code remember: {store, ttl}} as written in realm YAML or the admin API, kept raw so the
 * validator can name what is wrong. {@code store}: {@code session} (in the SSO session, server side),
 * {@code cookie} (sealed by session-store into a cookie of its own) or {@code none}; {@code ttl}: an
 * ISO-8601 duration, positive and at most {@link #MAX_TTL}.
 */
public record NodeMemory(String store, String ttl) {
    /** No result is remembered longer than this, whatever the tree says. */
    public static final Duration MAX_TTL = Duration.ofDays(30);

    /** Where a remembered result lives. */
    public enum Store {
        SESSION, COOKIE, NONE
    }

    /** What is wrong with this declaration; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Optional<Store> parsed = parsedStore();
        if (parsed.isEmpty()) {
            problems.add("remember.store '" + store + "' is not one of session, cookie, none");
        }
        if (parsed.orElse(null) == Store.NONE && (ttl == null || ttl.isBlank())) {
            return problems; // nothing is remembered: no lifetime needed
        }
        if (ttl == null || ttl.isBlank()) {
            problems.add("remember.ttl is required (an ISO-8601 duration such as PT8H)");
            return problems;
        }
        try {
            Duration d = Duration.parse(ttl.strip());
            if (d.isNegative() || d.isZero()) {
                problems.add("remember.ttl must be positive");
            } else if (d.compareTo(MAX_TTL) > 0) {
                problems.add("remember.ttl must be at most " + MAX_TTL.toDays() + " days (P30D)");
            }
        } catch (DateTimeParseException e) {
            problems.add("remember.ttl '" + ttl + "' is not an ISO-8601 duration such as PT8H");
        }
        return problems;
    }

    public Optional<Store> parsedStore() {
        if (store == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Store.valueOf(store.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The store when the declaration is valid and actually remembers (session or cookie). */
    public Optional<Store> remembering() {
        return problems().isEmpty() ? parsedStore().filter(s -> s != Store.NONE) : Optional.empty();
    }

    /** The lifetime; only meaningful when {@link #remembering()} is present. */
    public Duration ttlDuration() {
        return Duration.parse(ttl.strip());
    }
}
