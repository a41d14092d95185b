package dev.arbor.scriptrunner.adapter.in.realm;

/** A realm file this service cannot import; start-up stops with this message (no values of secrets in it). */
public final class RealmConfigException extends RuntimeException {
    public RealmConfigException(String message) {
        super(message);
    }

    public RealmConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
