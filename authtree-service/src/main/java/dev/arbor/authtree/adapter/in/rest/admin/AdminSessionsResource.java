package dev.arbor.authtree.adapter.in.rest.admin;

import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.session.SsoSession;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.SessionGateway;
import dev.arbor.authtree.port.TreeRepository;
import io.grpc.StatusRuntimeException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A user's SSO sessions, {@code /admin/realms/{realm}/users/{username}/sessions}: list them, end one, end
 * all ("log out everywhere"). Sessions are kept by session-store ({@code ListSessions}, {@code EndSession}
 * with reason {@code admin}, which also makes the user's remembered node results forgotten). A session is
 * named by its {@link SessionHandle}, never by its id, which is a bearer secret. Every call needs an admin
 * access token ({@link AdminAuthorization}). Runs on a worker thread (JDBC, blocking gRPC).
 */
@Path("/admin/realms/{realm}/users/{username}/sessions")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class AdminSessionsResource {
    static final String REASON_ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminSessionsResource.class);

    private final SessionGateway sessions;
    private final IdentityRepository identities;
    private final TreeRepository realms;
    private final AdminAuthorization authorization;

    public AdminSessionsResource(SessionGateway sessions, IdentityRepository identities, TreeRepository realms,
            AdminAuthorization authorization) {
        this.sessions = sessions;
        this.identities = identities;
        this.realms = realms;
        this.authorization = authorization;
    }

    /** One line of the list: what an administrator needs to tell sessions apart, and nothing that opens one. */
    public record SessionLine(String handle, String authTime, String expiresAt, String acr, List<String> amr) {
        static SessionLine of(SsoSession session) {
            return new SessionLine(SessionHandle.of(session.id()), session.authTime().toString(),
                    session.expiresAt().toString(), session.acr(), session.amr());
        }
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
            @PathParam("username") String username) {
        authorization.require(auth);
        String subject = subject(realm, username);
        List<SessionLine> lines = peer(() -> sessions.listSessions(realm, subject)).stream()
                .map(SessionLine::of).toList();
        return Response.ok(lines, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    public Response endAll(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
            @PathParam("username") String username) {
        authorization.require(auth);
        String subject = subject(realm, username);
        for (SsoSession session : peer(() -> sessions.listSessions(realm, subject))) {
            peer(() -> sessions.endSession(realm, session.id(), REASON_ADMIN));
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{handle}")
    public Response end(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("realm") String realm,
            @PathParam("username") String username, @PathParam("handle") String handle) {
        authorization.require(auth);
        String subject = subject(realm, username);
        if (handle == null || handle.length() != SessionHandle.LENGTH) {
            throw noSuchSession();
        }
        SsoSession session = peer(() -> sessions.listSessions(realm, subject)).stream()
                .filter(s -> SessionHandle.matches(s.id(), handle))
                .findFirst()
                .orElseThrow(AdminSessionsResource::noSuchSession);
        if (!peer(() -> sessions.endSession(realm, session.id(), REASON_ADMIN))) {
            throw noSuchSession(); // it ended or expired in between
        }
        return Response.noContent().build();
    }

    private String subject(String realm, String username) {
        if (!realms.realmExists(realm)) {
            throw AdminProblemException.of(404, "Not Found", "No realm " + realm);
        }
        return identities.findByUsername(realm, username)
                .map(Identity::id)
                .map(Object::toString)
                .orElseThrow(() -> AdminProblemException.of(404, "Not Found", "No user of that name in realm " + realm));
    }

    private static <T> T peer(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            LOG.warnf("session-store call failed: %s", e.getStatus().getCode());
            throw AdminProblemException.of(503, "Service Unavailable", "Sessions are unavailable; try again");
        }
    }

    private static AdminProblemException noSuchSession() {
        return AdminProblemException.of(404, "Not Found", "No such session of this user");
    }
}
