package dev.arbor.authtree.domain.tree;

/** A tree that must not be published; the message names the tree, node and outcome at fault. */
public final class TreeValidationException extends RuntimeException {
    public TreeValidationException(String message) {
        super(message);
    }
}
