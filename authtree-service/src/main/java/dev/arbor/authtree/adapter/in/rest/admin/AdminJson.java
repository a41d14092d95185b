package dev.arbor.authtree.adapter.in.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.domain.tree.TreeSummary;
import java.util.List;

/** The wire shapes of the tree admin API. A tree definition is {@code {start, nodes: {id: {type, outcomes, config}}}}. */
final class AdminJson {
    private AdminJson() {
    }

    record TreeList(List<TreeLine> trees) {
    }

    /** {@code latestVersion} is null while the tree has only a draft. */
    @JsonPropertyOrder({"name", "default", "latestVersion", "hasDraft"})
    record TreeLine(String name, @JsonProperty("default") boolean isDefault, Integer latestVersion, boolean hasDraft) {
        static TreeLine of(TreeSummary s) {
            return new TreeLine(s.name(), s.isDefault(), s.latestVersion() == 0 ? null : s.latestVersion(), s.hasDraft());
        }
    }

    @JsonPropertyOrder({"name", "version", "default", "definition"})
    record Version(String name, int version, @JsonProperty("default") boolean isDefault, TreeDefinition definition) {
        static Version of(StoredTree t) {
            return new Version(t.name(), t.version(), t.isDefault(), t.definition());
        }
    }

    @JsonPropertyOrder({"name", "draft", "definition"})
    record Draft(String name, boolean draft, TreeDefinition definition) {
    }

    /** RFC 9457 problem details; {@code problems} lists every validation problem of a tree (extension member). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "title", "status", "detail", "problems"})
    record Problem(String type, String title, int status, String detail, List<String> problems) {
    }
}
