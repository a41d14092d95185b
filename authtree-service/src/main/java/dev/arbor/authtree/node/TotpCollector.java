package dev.arbor.authtree.node;

/**
 * Asks for a one-time password the way AM's "OTP Collector Decision" node does: a {@code PasswordCallback}
 * with the prompt "One Time Password" (the code is masked like a password). The answer goes into TRANSIENT
 * state {@code oneTimePassword} (AM's key), so it is never persisted; {@link TotpDecision} checks it.
 */
public final class TotpCollector extends PromptCollector {
    public static final String TYPE = "TotpCollector";
    public static final String ONE_TIME_PASSWORD = "oneTimePassword";
    static final String CALLBACK = "PasswordCallback";

    public TotpCollector() {
        super(TYPE, CALLBACK, ONE_TIME_PASSWORD, Kept.TRANSIENT);
    }

    @Override
    String normalize(String answer) {
        return answer.strip();
    }
}
