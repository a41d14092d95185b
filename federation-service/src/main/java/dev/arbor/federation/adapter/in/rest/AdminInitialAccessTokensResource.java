package dev.arbor.federation.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ClientSecrets;
import dev.arbor.federation.domain.RegistrationMode;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.InitialAccessTokens;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Admin API: issues RFC 7591 §3 initial access tokens for a realm whose registration mode is
 * {@code initial-access-token}. The token (256 bits) is shown once, in this response; Arbor keeps its
 * keyed hash ({@link ClientSecretHasher}), its expiry and how many registrations it may still make.
 */
@Path("/admin/realms/{realm}/initial-access-tokens")
public class AdminInitialAccessTokensResource {
    static final long DEFAULT_EXPIRES_IN = 86_400;
    static final long MAX_EXPIRES_IN = 365L * 86_400;
    static final int MAX_USES = 100_000;

    private final AdminAuthorization admin;
    private final RealmGuard realms;
    private final ClientRepository clients;
    private final InitialAccessTokens tokens;
    private final ClientSecretHasher hasher;
    private final ObjectMapper json;
    private final Clock clock;

    public AdminInitialAccessTokensResource(AdminAuthorization admin, RealmGuard realms, ClientRepository clients,
                                            InitialAccessTokens tokens, ClientSecretHasher hasher, ObjectMapper json,
                                            Clock clock) {
        this.admin = admin;
        this.realms = realms;
        this.clients = clients;
        this.tokens = tokens;
        this.hasher = hasher;
        this.json = json;
        this.clock = clock;
    }

    /** Body (optional): {@code expiresIn} seconds (default one day, at most 365 days), {@code maxUses} (default 1). */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> issue(@PathParam("realm") String realm,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return admin.require(authorization)
                .chain(v -> realms.require(realm))
                .chain(v -> clients.registrationPolicy(realm))
                .chain(policy -> {
                    if (policy.mode() != RegistrationMode.INITIAL_ACCESS_TOKEN) {
                        throw new ProblemException(Problem.of(409, "Conflict", "The realm's registration mode is "
                                + policy.mode().value() + "; initial access tokens are only accepted with mode "
                                + "initial-access-token (realm YAML registration.mode)."), null);
                    }
                    Request request = Request.parse(body, json);
                    String token = ClientSecrets.generate();
                    Instant expiresAt = clock.instant().plusSeconds(request.expiresIn()).truncatedTo(ChronoUnit.SECONDS);
                    return tokens.issue(realm, hasher.hash(token), expiresAt, request.maxUses())
                            .map(x -> Response.status(201).type(MediaType.APPLICATION_JSON_TYPE)
                                    .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                                    .entity(new Issued(token, expiresAt.toString(), request.expiresIn(),
                                            request.maxUses()))
                                    .build());
                });
    }

    /** The token, shown once; {@code expiresAt} as an RFC 3339 instant. */
    public record Issued(String token, String expiresAt, long expiresIn, int maxUses) {
    }

    record Request(long expiresIn, int maxUses) {
        static Request parse(String body, ObjectMapper json) {
            JsonNode root;
            try {
                root = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
            } catch (Exception e) {
                throw badRequest("The body is not JSON.");
            }
            if (root == null || !root.isObject()) {
                throw badRequest("The body must be a JSON object: {\"expiresIn\": seconds, \"maxUses\": n}.");
            }
            JsonNode expiresIn = root.get("expiresIn");
            JsonNode maxUses = root.get("maxUses");
            if (expiresIn != null && !expiresIn.isNull() && !(expiresIn.canConvertToLong() && expiresIn.isIntegralNumber()
                    && expiresIn.asLong() >= 1 && expiresIn.asLong() <= MAX_EXPIRES_IN)) {
                throw badRequest("expiresIn must be a whole number of seconds from 1 to " + MAX_EXPIRES_IN + ".");
            }
            if (maxUses != null && !maxUses.isNull() && !(maxUses.isIntegralNumber() && maxUses.canConvertToInt()
                    && maxUses.asInt() >= 1 && maxUses.asInt() <= MAX_USES)) {
                throw badRequest("maxUses must be a whole number from 1 to " + MAX_USES + ".");
            }
            return new Request(expiresIn == null || expiresIn.isNull() ? DEFAULT_EXPIRES_IN : expiresIn.asLong(),
                    maxUses == null || maxUses.isNull() ? 1 : maxUses.asInt());
        }

        private static ProblemException badRequest(String detail) {
            return new ProblemException(Problem.of(400, "Bad Request", detail), null);
        }
    }
}
