package dev.arbor.sessionstore.domain;

/**
 * A caller sent something the store cannot act on (a blank id, a negative version). The message
 * names the field only, never its value, so it can be returned to the caller as is.
 */
public final class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
