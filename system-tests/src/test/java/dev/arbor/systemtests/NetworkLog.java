package dev.arbor.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests a page made, from chromedriver's DevTools Network events ({@code Network.requestWillBeSent},
 * {@code Network.loadingFinished}): one entry per HTTP request, each redirect hop its own request, with
 * the bytes that went over the wire for its response (headers and body as transferred, so compressed if
 * the server compressed).
 */
final class NetworkLog {
    record Request(String method, String url, long transferredBytes) {
    }

    private NetworkLog() {}

    static List<Request> of(List<String> events) {
        var mapper = new ObjectMapper();
        var requests = new ArrayList<Request>();
        Map<String, Integer> current = new HashMap<>(); // DevTools requestId → index of its latest hop
        for (String raw : events) {
            JsonNode message;
            try {
                message = mapper.readTree(raw).path("message");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            JsonNode params = message.path("params");
            String id = params.path("requestId").asText();
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> {
                    String url = params.path("request").path("url").asText();
                    if (params.has("redirectResponse") && current.containsKey(id)) {
                        int hop = current.get(id);
                        Request previous = requests.get(hop);
                        requests.set(hop, new Request(previous.method(), previous.url(),
                                params.path("redirectResponse").path("encodedDataLength").asLong()));
                    }
                    if (url.startsWith("http")) {
                        current.put(id, requests.size());
                        requests.add(new Request(params.path("request").path("method").asText(), url, 0));
                    }
                }
                case "Network.loadingFinished" -> {
                    Integer hop = current.get(id);
                    if (hop != null) {
                        Request r = requests.get(hop);
                        requests.set(hop, new Request(r.method(), r.url(), params.path("encodedDataLength").asLong()));
                    }
                }
                default -> { }
            }
        }
        return requests;
    }
}
