package dev.arbor.scriptrunner.domain.admin;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.admin.ScriptAdminException.Kind;
import dev.arbor.scriptrunner.domain.execution.ScriptExecutionService;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRequest;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import dev.arbor.scriptrunner.port.ScriptAdminRepository;
import dev.arbor.scriptrunner.port.ScriptSyntaxChecker;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * The script admin API's rules. Every save is a new <em>draft</em> version (version 1 on create);
 * publishing turns a draft into an immutable published version, which is what "latest" (version 0)
 * resolves to (on every replica within {@code arbor.script-cache.latest-ttl}). A script with a
 * published version cannot be deleted: a tree may pin that version, and replicas cache it without
 * invalidation. A saved source is checked before it is stored: size, then syntax.
 */
public final class ScriptAdminService {
    /** A URL path segment, as tree and realm names are. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** What a tree wires to a next node; what action.goTo names. */
    private static final Pattern OUTCOME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final int MAX_OUTCOMES = 32;
    private static final int MAX_DESCRIPTION = 1000;

    private final ScriptAdminRepository repository;
    private final ScriptSyntaxChecker syntax;
    private final ScriptExecutionService executions;
    private final Executor sandboxThreads;
    private final int maxSourceChars;

    public ScriptAdminService(ScriptAdminRepository repository, ScriptSyntaxChecker syntax,
                              ScriptExecutionService executions, Executor sandboxThreads, int maxSourceChars) {
        this.repository = repository;
        this.syntax = syntax;
        this.executions = executions;
        this.sandboxThreads = sandboxThreads;
        this.maxSourceChars = maxSourceChars;
    }

    public CompletionStage<List<ScriptSummary>> list(String realm) {
        return repository.list(realm);
    }

    /** {@code version} 0: the highest version, draft or published. */
    public CompletionStage<StoredScript> get(String realm, String name, int version) {
        if (version < 0) {
            return failedFuture(new ScriptAdminException(Kind.INVALID, "version must be 0 or more"));
        }
        return repository.find(realm, name, version).thenApply(found -> found.orElseThrow(() -> notFound(name, version)));
    }

    /** A draft that passed {@link #check}; only such a draft is stored. */
    public record CheckedDraft(String name, ScriptDraft draft) {
    }

    /**
     * Checks a draft before it is stored: name (when given), source size, outcomes, description,
     * then syntax. Blocking (the syntax check parses the source): call it off the event loop.
     *
     * @throws ScriptAdminException INVALID or TOO_LARGE
     */
    public CheckedDraft check(String name, ScriptDraft draft) {
        if (name != null) {
            checkName(name);
        }
        check(draft);
        return new CheckedDraft(name, draft);
    }

    public CompletionStage<StoredScript> create(String realm, CheckedDraft checked) {
        String name = checked.name();
        ScriptDraft draft = checked.draft();
        if (name == null) {
            return failedFuture(new ScriptAdminException(Kind.INVALID, "name is required"));
        }
        return repository.find(realm, name, 0).thenCompose(existing -> {
            if (existing.isPresent()) {
                throw new ScriptAdminException(Kind.CONFLICT, "script '" + name + "' already exists; PUT a new version");
            }
            return repository.insert(draftOf(realm, name, 1, draft));
        });
    }

    public CompletionStage<StoredScript> update(String realm, String name, CheckedDraft checked) {
        return repository.find(realm, name, 0).thenCompose(latest -> repository.insert(draftOf(realm, name,
                latest.orElseThrow(() -> notFound(name, 0)).script().version() + 1, checked.draft())));
    }

    /** {@code version} 0: the highest version, which must be a draft. */
    public CompletionStage<StoredScript> publish(String realm, String name, int version) {
        return get(realm, name, version).thenCompose(stored -> {
            ScriptVersion script = stored.script();
            if (script.isPublished()) {
                throw new ScriptAdminException(Kind.CONFLICT, "version " + script.version()
                        + " is already published; published versions are immutable");
            }
            return repository.publish(realm, name, script.version()).thenApply(done -> {
                if (!done) {
                    throw new ScriptAdminException(Kind.CONFLICT, "version " + script.version()
                            + " changed while publishing it; read it again");
                }
                return new StoredScript(new ScriptVersion(realm, name, script.version(), ScriptStatus.PUBLISHED,
                        script.source(), script.outcomes()), stored.description(), stored.createdAt());
            });
        });
    }

    public CompletionStage<Void> delete(String realm, String name) {
        return get(realm, name, 0).thenCompose(found -> repository.deleteUnpublished(realm, name))
                .thenApply(deleted -> {
                    if (deleted == 0) {
                        throw new ScriptAdminException(Kind.CONFLICT, "script '" + name + "' has a published"
                                + " version, which trees may pin; published scripts cannot be deleted");
                    }
                    return null;
                });
    }

    /** Runs {@code version} (0: the highest, draft or published) in the sandbox with the given input. */
    public CompletionStage<TestRun> test(String realm, String name, int version, ScriptInput input) {
        return get(realm, name, version).thenApplyAsync(stored -> {
            ScriptVersion script = stored.script();
            long start = System.nanoTime();
            ScriptRun run = executions.runResolved(script,
                    new ScriptRequest(realm, name, script.version(), List.of(), input));
            return new TestRun(run, (System.nanoTime() - start) / 1_000);
        }, sandboxThreads);
    }

    private StoredScript draftOf(String realm, String name, int version, ScriptDraft draft) {
        return new StoredScript(new ScriptVersion(realm, name, version, ScriptStatus.DRAFT, draft.source(),
                draft.outcomes()), blankToNull(draft.description()), Instant.now());
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ScriptAdminException(Kind.INVALID, "name must be 1 to 64 letters, digits, '.', '_' or '-'"
                    + " and start with a letter or digit");
        }
    }

    private void check(ScriptDraft draft) {
        if (draft.source() == null || draft.source().isBlank()) {
            throw new ScriptAdminException(Kind.INVALID, "source is required");
        }
        if (draft.source().length() > maxSourceChars) {
            throw new ScriptAdminException(Kind.TOO_LARGE, "source is " + draft.source().length()
                    + " characters long; the limit is " + maxSourceChars);
        }
        List<String> outcomes = draft.outcomes();
        if (outcomes == null || outcomes.isEmpty()) {
            throw new ScriptAdminException(Kind.INVALID, "outcomes must list at least one outcome");
        }
        if (outcomes.size() > MAX_OUTCOMES) {
            throw new ScriptAdminException(Kind.INVALID, "at most " + MAX_OUTCOMES + " outcomes");
        }
        for (String outcome : outcomes) {
            if (outcome == null || !OUTCOME.matcher(outcome).matches()) {
                throw new ScriptAdminException(Kind.INVALID, "outcome " + (outcome == null ? "null" : "'"
                        + abbreviate(outcome) + "'") + " is not an identifier (letters, digits, '_', '-';"
                        + " starting with a letter or '_'; at most 64)");
            }
        }
        if (new HashSet<>(outcomes).size() != outcomes.size()) {
            throw new ScriptAdminException(Kind.INVALID, "outcomes must be distinct");
        }
        if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
            throw new ScriptAdminException(Kind.INVALID, "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        syntax.check(draft.source()).ifPresent(problem -> {
            throw new ScriptAdminException(Kind.INVALID, "source does not parse: " + problem.message()
                    + (problem.line() > 0 ? " (line " + problem.line() + ", column " + problem.column() + ")" : ""),
                    problem);
        });
    }

    private static ScriptAdminException notFound(String name, int version) {
        return new ScriptAdminException(Kind.NOT_FOUND, version == 0 ? "no script '" + abbreviate(name) + "'"
                : "script '" + abbreviate(name) + "' has no version " + version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
