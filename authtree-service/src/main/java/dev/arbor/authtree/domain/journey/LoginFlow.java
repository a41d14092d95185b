package dev.arbor.authtree.domain.journey;

/** What federation's login flow asks of a journey: a tree (empty = the realm's default) and where to resume. */
public record LoginFlow(String flowId, String tree, String resumeUrl) {
}
