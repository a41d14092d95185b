package dev.arbor.authtree.adapter.in.rest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.tree.TreeAdminService;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;

/**
 * The tree admin API, {@code /admin/realms/{realm}/trees}: list, get a published version, save a validated
 * draft, publish the draft as the next immutable version, delete. Every call needs an admin access token
 * ({@link AdminAuthorization}). Runs on a worker thread (JDBC).
 */
@Path("/admin/realms/{realm}/trees")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class AdminTreesResource {
    private final TreeAdminService trees;
    private final AdminAuthorization authorization;
    private final ObjectMapper json;
    private final int maxBodySize;

    public AdminTreesResource(TreeAdminService trees, AdminAuthorization authorization, ObjectMapper json,
            ArborConfig config) {
        this.maxBodySize = config.authtree().maxBodySize();
        this.trees = trees;
        this.authorization = authorization;
        this.json = json;
    }

    @GET
    public AdminJson.TreeList list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm) {
        authorization.require(auth);
        return new AdminJson.TreeList(trees.list(realm).stream().map(AdminJson.TreeLine::of).toList());
    }

    @GET
    @Path("{name}")
    public AdminJson.Version get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
            @PathParam("name") String name, @QueryParam("version") String version) {
        authorization.require(auth);
        return AdminJson.Version.of(trees.get(realm, name, version(version)));
    }

    @GET
    @Path("{name}/draft")
    public AdminJson.Draft draft(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
            @PathParam("name") String name) {
        authorization.require(auth);
        return new AdminJson.Draft(name, true, trees.draft(realm, name));
    }

    @PUT
    @Path("{name}")
    public AdminJson.Draft saveDraft(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @PathParam("realm") String realm,
            @PathParam("name") String name, String body) {
        authorization.require(auth);
        if (!isJson(contentType)) {
            throw AdminProblemException.of(415, "Unsupported Media Type", "Send the tree as application/json");
        }
        if (body != null && body.length() > maxBodySize) { // a chunked body carries no Content-Length
            throw AdminProblemException.of(413, "Content Too Large", "The body is larger than " + maxBodySize + " bytes");
        }
        TreeDefinition definition = parse(body);
        trees.saveDraft(realm, name, definition);
        return new AdminJson.Draft(name, true, definition);
    }

    @POST
    @Path("{name}/publish")
    public Response publish(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
            @PathParam("name") String name) {
        authorization.require(auth);
        int version = trees.publish(realm, name);
        // a relative Location (RFC 9110 §10.2.2): the absolute form would name this replica, not the gateway
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/admin/realms/" + realm + "/trees/" + name + "?version=" + version)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(AdminJson.Version.of(trees.get(realm, name, Optional.of(version)))).build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
            @PathParam("name") String name) {
        authorization.require(auth);
        trees.delete(realm, name);
        return Response.noContent().build();
    }

    private TreeDefinition parse(String body) {
        if (body == null || body.isBlank()) {
            throw AdminProblemException.of(400, "Bad Request", "The body must be a tree definition {start, nodes}");
        }
        TreeDefinition definition;
        try {
            definition = json.readValue(body, TreeDefinition.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw AdminProblemException.of(400, "Bad Request",
                    "The body is not a tree definition: {start, nodes: {id: {type, outcomes, config}}}");
        }
        if (definition == null || definition.nodes().values().stream().anyMatch(n -> n == null)) {
            throw AdminProblemException.of(400, "Bad Request", "Every node must be an object with a type");
        }
        return definition;
    }

    private static Optional<Integer> version(String version) {
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        try {
            int v = Integer.parseInt(version.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            throw AdminProblemException.of(400, "Bad Request", "version must be a positive whole number");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }
}
