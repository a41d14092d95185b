package dev.arbor.scriptrunner.adapter.out.graaljs;

/** A script used the Script API wrongly; the message is shown to the admin as a RUNTIME error. */
final class ScriptApiException extends RuntimeException {
    ScriptApiException(String message) {
        super(message, null, false, false);
    }
}
