package dev.arbor.authtree.node;

/** AM "Username Collector": asks with a {@code NameCallback} and puts the answer into shared state {@code username}. */
public final class UsernameCollector extends PromptCollector {
    public static final String TYPE = "UsernameCollector";
    public static final String USERNAME = "username";
    static final String CALLBACK = "NameCallback";

    public UsernameCollector() {
        super(TYPE, CALLBACK, USERNAME, Kept.SHARED);
    }

    @Override
    String normalize(String answer) {
        return answer.strip();
    }
}
