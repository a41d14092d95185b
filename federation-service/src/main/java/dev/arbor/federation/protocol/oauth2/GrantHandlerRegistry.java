package dev.arbor.federation.protocol.oauth2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every {@link GrantHandler} bean, by grant type. Two handlers for one grant type are a wiring
 * mistake: start-up fails rather than picking one at random.
 */
@ApplicationScoped
public class GrantHandlerRegistry {
    private final Map<String, GrantHandler> byGrantType;

    @Inject
    public GrantHandlerRegistry(Instance<GrantHandler> handlers) {
        this(handlers.stream().toList());
    }

    /** @throws IllegalStateException when two handlers claim the same grant type */
    public GrantHandlerRegistry(Collection<? extends GrantHandler> handlers) {
        Map<String, GrantHandler> map = new TreeMap<>();
        for (GrantHandler handler : handlers) {
            GrantHandler previous = map.putIfAbsent(handler.grantType(), handler);
            if (previous != null) {
                throw new IllegalStateException("two grant handlers for grant_type " + handler.grantType() + ": "
                        + previous.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
            }
        }
        this.byGrantType = Map.copyOf(map);
    }

    public Optional<GrantHandler> find(String grantType) {
        return Optional.ofNullable(grantType).map(byGrantType::get);
    }

    /** For discovery's {@code grant_types_supported}, sorted. */
    public List<String> grantTypes() {
        return byGrantType.keySet().stream().sorted().toList();
    }
}
