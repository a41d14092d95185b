package dev.arbor.scriptrunner.adapter.in.rest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.scriptrunner.domain.admin.ScriptAdminService;
import dev.arbor.scriptrunner.domain.admin.ScriptDraft;
import dev.arbor.scriptrunner.domain.execution.ScriptCallback;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * {@code /admin/realms/{realm}/scripts}: the script admin API (issue #8; routed here by the
 * gateway). Thin: authorise, parse, delegate to {@link ScriptAdminService}, map. The body is parsed
 * after authorisation, so an anonymous caller learns nothing from a bad body. See
 * docs/reference/http-api.md.
 */
@Path("/admin/realms/{realm}/scripts")
@Produces(MediaType.APPLICATION_JSON)
public class AdminScriptsResource {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final AdminAuthorization authorization;
    private final ScriptAdminService scripts;

    public AdminScriptsResource(AdminAuthorization authorization, ScriptAdminService scripts) {
        this.authorization = authorization;
        this.scripts = scripts;
    }

    @GET
    public Uni<AdminJson.ScriptList> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                          @PathParam("realm") String realm) {
        return authorized(auth, () -> scripts.list(realm))
                .map(list -> new AdminJson.ScriptList(list.stream().map(AdminJson.ScriptLine::of).toList()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
                                String body) {
        return authorized(auth, back -> offloaded(() -> {
            AdminJson.ScriptBody script = parse(body, AdminJson.ScriptBody.class);
            return scripts.check(script.name() == null ? "" : script.name(), draft(script));
        }, back).flatMap(checked -> Uni.createFrom().completionStage(() -> scripts.create(realm, checked)))).map(stored -> Response.created(URI.create("/admin/realms/" + realm + "/scripts/" + stored.script().name()))
                .entity(AdminJson.Version.of(stored)).build());
    }

    @GET
    @Path("{name}")
    public Uni<AdminJson.Version> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                      @PathParam("realm") String realm, @PathParam("name") String name,
                                      @QueryParam("version") String version) {
        return authorized(auth, () -> scripts.get(realm, name, version(version))).map(AdminJson.Version::of);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AdminJson.Version> update(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                         @PathParam("realm") String realm, @PathParam("name") String name,
                                         String body) {
        return authorized(auth, back -> offloaded(() -> {
            AdminJson.ScriptBody script = parse(body, AdminJson.ScriptBody.class);
            if (script.name() != null && !script.name().equals(name)) {
                throw new AdminProblemException(400, "Bad Request", "name in the body differs from the path", null);
            }
            return scripts.check(null, draft(script));
        }, back).flatMap(checked -> Uni.createFrom().completionStage(() -> scripts.update(realm, name, checked))))
                .map(AdminJson.Version::of);
    }

    @POST
    @Path("{name}/publish")
    public Uni<AdminJson.Version> publish(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                          @PathParam("realm") String realm, @PathParam("name") String name,
                                          @QueryParam("version") String version, String body) {
        return authorized(auth, () -> {
            int which = version(version);
            if (which == 0 && body != null && !body.isBlank()) {
                which = Optional.ofNullable(parse(body, AdminJson.PublishBody.class).version()).orElse(0);
            }
            return scripts.publish(realm, name, which);
        }).map(AdminJson.Version::of);
    }

    @DELETE
    @Path("{name}")
    public Uni<Response> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
                                @PathParam("name") String name) {
        return authorized(auth, () -> scripts.delete(realm, name)).map(done -> Response.noContent().build());
    }

    /** The body is optional (an empty test run), so the media type is checked only when there is one. */
    @POST
    @Path("{name}/test")
    public Uni<AdminJson.TestResult> test(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                          @PathParam("realm") String realm, @PathParam("name") String name,
                                          String body) {
        return authorized(auth, () -> {
            if (body != null && !body.isBlank() && !isJson(contentType)) {
                throw new AdminProblemException(415, "Unsupported Media Type", "Send application/json.", null);
            }
            AdminJson.TestBody test = body == null || body.isBlank()
                    ? new AdminJson.TestBody(null, null, null, null) : parse(body, AdminJson.TestBody.class);
            AdminJson.TestRequest request = Optional.ofNullable(test.request())
                    .orElse(new AdminJson.TestRequest(null, null, null));
            List<ScriptCallback> answers = orEmpty(test.answers()).entrySet().stream()
                    .map(answer -> ScriptCallback.answer(answer.getKey(), answer.getValue())).toList();
            ScriptInput input = new ScriptInput(orEmpty(test.state()), orEmpty(request.headers()), request.clientIp(),
                    request.locale(), answers);
            int version = test.version() == null ? 0 : test.version();
            if (version < 0) {
                throw new AdminProblemException(400, "Bad Request", "version must be 0 or more", null);
            }
            return scripts.test(realm, name, version, input);
        }).map(AdminJson.TestResult::of);
    }

    /**
     * Authorises, then runs {@code action} on the request's Vert.x context (Hibernate Reactive must be
     * called on its event loop, and the token-service call may complete elsewhere).
     */
    private <T> Uni<T> authorized(String auth, Supplier<CompletionStage<T>> action) {
        return authorized(auth, back -> Uni.createFrom().completionStage(action));
    }

    private <T> Uni<T> authorized(String auth, Function<Executor, Uni<T>> action) {
        Context context = Vertx.currentContext();
        Executor back = context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        return authorization.require(auth).emitOn(back).flatMap(subject -> action.apply(back));
    }

    /** Blocking work (parsing a script) on a worker thread, the result back on the request's context. */
    private static <T> Uni<T> offloaded(Supplier<T> blocking, Executor back) {
        return Uni.createFrom().item(blocking).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back);
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ScriptDraft draft(AdminJson.ScriptBody body) {
        return new ScriptDraft(body.source(), body.outcomes(), body.description());
    }

    private static int version(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int version = Integer.parseInt(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new AdminProblemException(400, "Bad Request", "version must be a whole number, 1 or more", null);
    }

    private static <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new AdminProblemException(400, "Bad Request", "a JSON body is required", null);
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new AdminProblemException(400, "Bad Request", "the body must be a JSON object", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            // Only the position: Jackson's message may quote the body.
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new AdminProblemException(400, "Bad Request", "the body is not the expected JSON" + at, null);
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        if (map.containsKey(null) || map.containsValue(null)) {
            throw new AdminProblemException(400, "Bad Request", "state, headers and answers take string values", null);
        }
        return map;
    }

}
