package dev.arbor.authtree.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.authtree.node.DependencyUnavailableException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A journey that failed closed answers AM-shaped 503 JSON that names no internals. */
class DependencyUnavailableMappingTest {

    @Test
    void aNodesUnavailableDependencyIsA503WithAnAmShapedBody() throws Exception {
        Response response = new JourneyExceptionMappers().dependencyUnavailable(
                new DependencyUnavailableException("script-runner", new IllegalStateException("UNAVAILABLE: io")));

        assertEquals(503, response.getStatus());
        assertEquals("application/json", response.getMediaType().toString());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        String body = new ObjectMapper().writeValueAsString(response.getEntity());
        assertEquals("{\"code\":503,\"reason\":\"Service Unavailable\","
                + "\"message\":\"Sign-in is temporarily unavailable. Try again later.\"}", body);
        assertFalse(body.contains("script-runner"));
    }
}
