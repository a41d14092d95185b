package dev.arbor.authtree.domain.memory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-node memory of one journey, kept in its {@code JourneyState} between steps (server side only):
 * what the browser presented at the start (its SSO session's id and subject, the session's remembered
 * results, the results unsealed from node cookies — never the sealed strings), the results recorded by
 * nodes that ran in this journey ({@code pending*}, subject filled at success), and the subjects of the
 * remembered results the journey relied on (they must all be the final subject).
 */
public record JourneyMemory(String priorSessionId, String priorSubject, List<RememberedResult> sessionResults,
        List<RememberedResult> cookieResults, List<RememberedResult> pendingSession,
        List<RememberedResult> pendingCookie, List<String> usedSubjects) {
    public static final JourneyMemory EMPTY = new JourneyMemory(null, null, List.of(), List.of(), List.of(),
            List.of(), List.of());

    public JourneyMemory {
        sessionResults = copy(sessionResults);
        cookieResults = copy(cookieResults);
        pendingSession = copy(pendingSession);
        pendingCookie = copy(pendingCookie);
        usedSubjects = usedSubjects == null ? List.of() : List.copyOf(usedSubjects);
    }

    /** Records {@code result} of a node that ran, replacing an earlier one of the same node in this journey. */
    public JourneyMemory withPending(boolean cookie, RememberedResult result) {
        List<RememberedResult> target = new ArrayList<>(cookie ? pendingCookie : pendingSession);
        target.removeIf(r -> sameNode(r, result));
        target.add(result);
        return cookie
                ? new JourneyMemory(priorSessionId, priorSubject, sessionResults, cookieResults, pendingSession,
                        target, usedSubjects)
                : new JourneyMemory(priorSessionId, priorSubject, sessionResults, cookieResults, target,
                        pendingCookie, usedSubjects);
    }

    /** Notes that the journey relied on a remembered result of {@code subject} (null when the result had none). */
    public JourneyMemory withUsed(String subject) {
        Set<String> used = new LinkedHashSet<>(usedSubjects);
        used.add(subject == null ? "" : subject);
        return new JourneyMemory(priorSessionId, priorSubject, sessionResults, cookieResults, pendingSession,
                pendingCookie, List.copyOf(used));
    }

    public static boolean sameNode(RememberedResult a, RememberedResult b) {
        return a.tree().equals(b.tree()) && a.nodeId().equals(b.nodeId());
    }

    private static List<RememberedResult> copy(List<RememberedResult> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
