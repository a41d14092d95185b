package dev.arbor.scriptrunner.adapter.in.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.arbor.scriptrunner.domain.admin.ScriptSummary;
import dev.arbor.scriptrunner.domain.admin.StoredScript;
import dev.arbor.scriptrunner.domain.admin.TestRun;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The wire shapes of the script admin API. */
final class AdminJson {
    private AdminJson() {
    }

    /** POST body; PUT takes the same without {@code name}. */
    record ScriptBody(String name, String source, List<String> outcomes, String description) {
    }

    /** POST .../publish body (optional): which draft; absent = the highest version. */
    record PublishBody(Integer version) {
    }

    /** POST .../test body: everything optional. */
    record TestBody(Integer version, Map<String, String> state, TestRequest request, Map<String, String> answers) {
    }

    record TestRequest(Map<String, String> headers, String clientIp, String locale) {
    }

    record ScriptList(List<ScriptLine> scripts) {
    }

    /** {@code publishedVersion} null while the script has only drafts. */
    @JsonPropertyOrder({"name", "latestVersion", "publishedVersion", "hasDraft", "description"})
    record ScriptLine(String name, int latestVersion, Integer publishedVersion, boolean hasDraft, String description) {
        static ScriptLine of(ScriptSummary s) {
            return new ScriptLine(s.name(), s.latestVersion(), s.publishedVersion() == 0 ? null : s.publishedVersion(),
                    s.hasDraft(), s.description());
        }
    }

    @JsonPropertyOrder({"name", "version", "status", "outcomes", "description", "createdAt", "source"})
    record Version(String name, int version, String status, List<String> outcomes, String description,
                   String createdAt, String source) {
        static Version of(StoredScript s) {
            return new Version(s.script().name(), s.script().version(), s.script().status().wireName(),
                    s.script().outcomes(), s.description(), s.createdAt().toString(), s.script().source());
        }
    }

    record Callback(String kind, String id, String prompt, List<String> choices) {
    }

    record Log(String level, String message) {
    }

    /** A test run: like ScriptResult, plus the sandbox time. */
    @JsonPropertyOrder({"version", "outcome", "statePatch", "callbacks", "logs", "error", "message", "durationMicros"})
    record TestResult(int version, String outcome, Map<String, String> statePatch, List<Callback> callbacks,
                      List<Log> logs, String error, String message, long durationMicros) {
        static TestResult of(TestRun test) {
            ScriptRun run = test.run();
            return new TestResult(run.version(), run.outcome().orElse(null), run.statePatch(),
                    run.callbacks().stream().map(c -> new Callback(c.kind().name().toLowerCase(Locale.ROOT), c.id(),
                            c.prompt(), c.choices())).toList(),
                    run.logs().stream().map(l -> new Log(l.level().name(), l.message())).toList(),
                    run.error().map(e -> e.code().name()).orElse(null),
                    run.error().map(ScriptRun.Failure::message).orElse(null), test.durationMicros());
        }
    }

    /** RFC 9457 problem details; {@code line}/{@code column} for a source that does not parse (extension members). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "title", "status", "detail", "line", "column"})
    record Problem(String type, String title, int status, String detail, Integer line, Integer column) {
    }
}
