package dev.arbor.gateway.domain;

/** What the gateway does with one request path. */
public sealed interface RouteDecision {

    /** Forward the request, path and query unchanged, to {@code upstream}. */
    record Forward(Upstream upstream) implements RouteDecision {}

    /** Answer 302 with {@code location}; nothing is forwarded. */
    record Redirect(String location) implements RouteDecision {}

    /** No route: answer 404. */
    record NotFound() implements RouteDecision {}
}
