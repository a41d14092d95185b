package dev.arbor.scriptrunner.domain.admin;

import dev.arbor.scriptrunner.domain.ScriptVersion;
import java.time.Instant;

/** One stored version as the admin API shows it: the script plus what only an admin needs. */
public record StoredScript(ScriptVersion script, String description, Instant createdAt) {
}
