package dev.arbor.authtree.domain.script;

import java.util.List;
import java.util.Map;

/** What a script run came to: an outcome, questions for the user, or an error (the script's, not the call's). */
public sealed interface ScriptVerdict {
    /** The keys the script wrote with {@code state.put}. */
    Map<String, String> statePatch();

    /** {@code action.goTo(outcome)}. */
    record Decided(String outcome, Map<String, String> statePatch) implements ScriptVerdict {
        public Decided {
            statePatch = Map.copyOf(statePatch);
        }
    }

    /** The script asked the user something instead of deciding; it runs again with the answers. */
    record Asked(List<ScriptQuestion> questions, Map<String, String> statePatch) implements ScriptVerdict {
        public Asked {
            questions = List.copyOf(questions);
            statePatch = Map.copyOf(statePatch);
        }
    }

    /**
     * The script failed (TIMEOUT, LIMIT, RUNTIME, INVALID_OUTCOME, NOT_FOUND, or a result this service does
     * not understand); {@code message} is for an admin, never for the user.
     */
    record Failed(String error, String message, Map<String, String> statePatch) implements ScriptVerdict {
        public Failed {
            statePatch = Map.copyOf(statePatch);
        }
    }
}
