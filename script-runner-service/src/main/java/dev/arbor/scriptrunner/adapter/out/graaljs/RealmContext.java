package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One locked-down JS context that belongs to exactly one realm, with the script functions it has
 * already evaluated. Used by one run at a time (the pool hands it out exclusively).
 */
final class RealmContext implements AutoCloseable {
    private final String realm;
    private final Context context;
    private final Value bodyCheck;
    private static final int MAX_FUNCTIONS = 256;

    private final Map<Source, Value> functions = new HashMap<>();
    private volatile boolean statementLimitHit;

    RealmContext(String realm, Context context, Value bodyCheck) {
        this.realm = realm;
        this.context = context;
        this.bodyCheck = bodyCheck;
    }

    String realm() {
        return realm;
    }

    Context context() {
        return context;
    }

    /** The script's function in this context: its body is checked, then the cached source evaluated once. */
    Value function(Source wrapped, String body) {
        Value function = functions.get(wrapped);
        if (function == null) {
            if (functions.size() >= MAX_FUNCTIONS) {
                functions.clear();
            }
            bodyCheck.execute(body);
            function = context.eval(wrapped);
            functions.put(wrapped, function);
        }
        return function;
    }

    /** Throws a syntax error when {@code body} does not parse on its own as a function body. */
    void checkBody(String body) {
        bodyCheck.execute(body);
    }

    void markStatementLimitHit() {
        statementLimitHit = true;
    }

    boolean statementLimitHit() {
        return statementLimitHit;
    }

    @Override
    public void close() {
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // already closed or cancelled: nothing left to release
        }
    }
}
