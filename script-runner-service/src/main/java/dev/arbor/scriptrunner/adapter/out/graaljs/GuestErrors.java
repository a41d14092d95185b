package dev.arbor.scriptrunner.adapter.out.graaljs;

import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * Turns a {@link PolyglotException} into an error code and a message fit for an admin: the
 * guest's own error message and line at most, never a stack trace, a host class or a host message
 * other than the Script API's own.
 */
final class GuestErrors {
    private static final int MAX_MESSAGE = 300;

    record Classified(ScriptErrorCode code, String message) {
    }

    private GuestErrors() {
    }

    static Classified classify(PolyglotException e, boolean timedOut, boolean statementLimitHit,
                               SandboxLimits limits) {
        if (timedOut) {
            return new Classified(ScriptErrorCode.TIMEOUT, "the script ran longer than its deadline of "
                    + limits.deadline().toMillis() + " ms");
        }
        if (statementLimitHit || (e.isCancelled() && !e.isInterrupted())) {
            return new Classified(ScriptErrorCode.LIMIT, "the script executed more than " + limits.statementLimit()
                    + " statements");
        }
        if (e.isResourceExhausted()) {
            return new Classified(ScriptErrorCode.LIMIT, "the script exhausted a resource limit (memory or stack)");
        }
        if (e.isHostException()) {
            return e.asHostException() instanceof ScriptApiException api
                    ? new Classified(ScriptErrorCode.RUNTIME, api.getMessage() + at(e))
                    : new Classified(ScriptErrorCode.RUNTIME, "a Script API call failed" + at(e));
        }
        if (e.isInternalError() || !e.isGuestException()) {
            return new Classified(ScriptErrorCode.RUNTIME, "the script could not be run");
        }
        String message = guestMessage(e);
        if (message.contains("Maximum call stack size exceeded")) {
            return new Classified(ScriptErrorCode.LIMIT, "the script exceeded the maximum call depth" + at(e));
        }
        if (message.contains("Invalid string length") || message.contains("Invalid array length")
                || message.contains("Invalid typed array length") || message.contains("Array buffer allocation failed")) {
            return new Classified(ScriptErrorCode.LIMIT, "the script built a string or array over the engine's size limit" + at(e));
        }
        return e.isSyntaxError()
                ? new Classified(ScriptErrorCode.RUNTIME, "syntax error: " + message)
                : new Classified(ScriptErrorCode.RUNTIME, "uncaught " + message + at(e));
    }

    private static String guestMessage(PolyglotException e) {
        String message = e.getMessage() == null ? "error" : e.getMessage().lines().findFirst().orElse("error");
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }

    /** The line in the admin's script (the wrapper adds one line before it). */
    private static String at(PolyglotException e) {
        SourceSection location = e.getSourceLocation();
        if (location == null) {
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
                    location = frame.getSourceLocation();
                    break;
                }
            }
        }
        if (location == null || location.getSource() == null || location.getSource().isInternal()
                || location.getSource().getName().startsWith("arbor-")) {
            return "";
        }
        int line = location.getStartLine() - 1;
        return line >= 1 ? " (line " + line + ")" : "";
    }
}
