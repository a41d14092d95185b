package dev.arbor.scriptrunner.port;

import dev.arbor.scriptrunner.domain.admin.SyntaxProblem;
import java.util.Optional;

/** Parses a script body as the sandbox would run it, without running it. */
public interface ScriptSyntaxChecker {
    /** Empty when {@code source} parses as a script body. */
    Optional<SyntaxProblem> check(String source);
}
