package dev.arbor.authtree.node;

/**
 * AM "Password Collector": asks with a {@code PasswordCallback} and puts the answer, untouched (spaces
 * are part of a password), into TRANSIENT state {@code password}, which is never persisted (AM:
 * {@code NodeState.putTransient}).
 */
public final class PasswordCollector extends PromptCollector {
    public static final String TYPE = "PasswordCollector";
    public static final String PASSWORD = "password";
    static final String CALLBACK = "PasswordCallback";

    public PasswordCollector() {
        super(TYPE, CALLBACK, PASSWORD, Kept.TRANSIENT);
    }
}
