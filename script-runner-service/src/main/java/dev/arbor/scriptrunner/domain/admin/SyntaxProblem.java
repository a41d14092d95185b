package dev.arbor.scriptrunner.domain.admin;

/** Why a script body does not parse, at a line and column of the body as written (1-based; 0 when unknown). */
public record SyntaxProblem(String message, int line, int column) {
}
