package dev.arbor.authtree.node;

/** The client answered a step without the input a node asked for; the message is safe to return. */
public final class MissingInputException extends RuntimeException {
    public MissingInputException(String message) {
        super(message);
    }
}
