package dev.arbor.federation.protocol;

import dev.arbor.federation.domain.ProtocolAdapter;
import dev.arbor.federation.domain.ProtocolRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link ProtocolAdapter} bean: the first that says "mine" handles a request. */
@ApplicationScoped
public class ProtocolAdapters {
    private final List<ProtocolAdapter> adapters;

    public ProtocolAdapters(Instance<ProtocolAdapter> adapters) {
        this.adapters = adapters.stream().toList();
    }

    public Optional<Parsed> parse(Map<String, String> parameters) {
        for (ProtocolAdapter adapter : adapters) {
            Optional<ProtocolRequest> request = adapter.parse(parameters);
            if (request.isPresent()) {
                return Optional.of(new Parsed(adapter, request.get()));
            }
        }
        return Optional.empty();
    }

    /** The adapter that started a stored flow. */
    public Optional<ProtocolAdapter> byProtocol(String protocol) {
        return adapters.stream().filter(a -> a.protocol().equals(protocol)).findFirst();
    }

    public record Parsed(ProtocolAdapter adapter, ProtocolRequest request) {
    }
}
