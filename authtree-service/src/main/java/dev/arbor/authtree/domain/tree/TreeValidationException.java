package dev.arbor.authtree.domain.tree;

import java.util.List;

/** A tree that must not be published; each problem names the tree, node and outcome at fault. */
public final class TreeValidationException extends RuntimeException {
    private final List<String> problems;

    public TreeValidationException(String message) {
        this(List.of(message));
    }

    public TreeValidationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
