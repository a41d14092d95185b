package dev.arbor.scriptrunner.domain;

/** A script definition that cannot be stored (no outcomes, version below 1, ...). */
public final class InvalidScriptException extends RuntimeException {
    public InvalidScriptException(String message) {
        super(message, null, false, false);
    }
}
