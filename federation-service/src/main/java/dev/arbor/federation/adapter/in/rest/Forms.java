package dev.arbor.federation.adapter.in.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A form body as a plain map, every value list kept (repeats are the endpoint's to refuse). */
final class Forms {
    private Forms() {
    }

    static Map<String, List<String>> copy(MultivaluedMap<String, String> form) {
        Map<String, List<String>> copy = new HashMap<>();
        if (form != null) {
            form.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        }
        return copy;
    }
}
