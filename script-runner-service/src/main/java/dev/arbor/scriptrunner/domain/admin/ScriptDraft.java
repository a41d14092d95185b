package dev.arbor.scriptrunner.domain.admin;

import java.util.List;

/** What an admin sends to create or change a script; becomes the next draft version. */
public record ScriptDraft(String source, List<String> outcomes, String description) {
}
