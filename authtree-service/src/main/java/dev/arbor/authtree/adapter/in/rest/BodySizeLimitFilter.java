package dev.arbor.authtree.adapter.in.rest;

import dev.arbor.authtree.config.ArborConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a journey or admin API request whose declared {@code Content-Length} exceeds the limit before its body is
 * read, as RFC 9457 problem details (RFC 9110 §15.5.14, 413 Content Too Large). A body sent without a
 * length is measured by {@link AuthenticateResource}.
 */
public class BodySizeLimitFilter {
    private final int maxBodySize;

    public BodySizeLimitFilter(ArborConfig config) {
        this.maxBodySize = config.authtree().maxBodySize();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/realms/") && !path.startsWith("/admin/realms/")) {
            return Optional.empty();
        }
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.strip()) <= maxBodySize) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.of(JourneyExceptionMappers.problem(400, "Bad Request", "Content-Length is not a number"));
        }
        return Optional.of(JourneyExceptionMappers.problem(413, "Content Too Large",
                "The request body is larger than " + maxBodySize + " bytes"));
    }
}
