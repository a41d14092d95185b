package dev.arbor.federation.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.saml2.ServiceProviderMetadata;
import dev.arbor.federation.protocol.saml2.ServiceProviderSettingsJson;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Admin API: the SAML service providers of a realm (docs/reference/saml.md). One is addressed by its
 * entity ID encoded as base64url without padding ({@code id} in every view): entity IDs are URIs
 * with slashes, which a path segment cannot carry as they are. A body is
 * {@code {"metadata": "<md:EntityDescriptor ...>", "settings": {...}, "name": "..."}}; anything the
 * metadata or settings refuse is 400 problem+json with the reason.
 */
@Path("/admin/realms/{realm}/saml-sps")
public class AdminSamlServiceProvidersResource {
    private static final Logger LOG = Logger.getLogger(AdminSamlServiceProvidersResource.class);
    private static final Set<String> BODY_FIELDS = Set.of("metadata", "settings", "name");

    private final AdminAuthorization admin;
    private final RealmGuard realms;
    private final ServiceProviderRegistry registry;
    private final ObjectMapper json;

    public AdminSamlServiceProvidersResource(AdminAuthorization admin, RealmGuard realms,
                                             ServiceProviderRegistry registry, ObjectMapper json) {
        this.admin = admin;
        this.realms = realms;
        this.registry = registry;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<ServiceProviderView>> list(@PathParam("realm") String realm,
                                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guard(realm, authorization).chain(v -> registry.list(realm))
                .map(list -> list.stream().map(ServiceProviderView::of).toList());
    }

    /** 201 with the stored SP and its Location; 409 when the realm has one of that entity ID. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@PathParam("realm") String realm,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return guard(realm, authorization).chain(v -> {
            ServiceProvider sp = parse(realm, body);
            return registry.find(realm, sp.entityId()).chain(existing -> {
                if (existing.isPresent()) {
                    throw problem(409, "Conflict", "The realm already has a service provider " + sp.entityId()
                            + "; PUT to its URL replaces it.");
                }
                return registry.save(sp).onFailure(ClientChangePublisher.NotPropagated.class).transform(e -> notPropagated())
                        .map(saved -> Response.created(URI.create(
                                "/admin/realms/" + realm + "/saml-sps/" + id(sp.entityId())))
                        .type(MediaType.APPLICATION_JSON_TYPE).entity(ServiceProviderView.of(sp)).build());
            });
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ServiceProviderView> get(@PathParam("realm") String realm, @PathParam("id") String id,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guard(realm, authorization).chain(v -> registry.find(realm, entityId(id)))
                .map(found -> ServiceProviderView.of(found.orElseThrow(AdminSamlServiceProvidersResource::notFound)));
    }

    /** Replaces metadata and settings (settings not given take their defaults again); 404 when unknown. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ServiceProviderView> replace(@PathParam("realm") String realm, @PathParam("id") String id,
                                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                            String body) {
        return guard(realm, authorization).chain(v -> {
            String entityId = entityId(id);
            ServiceProvider sp = parse(realm, body);
            if (!sp.entityId().equals(entityId)) {
                throw problem(400, "Bad Request", "The metadata's entityID " + sp.entityId()
                        + " is not the one addressed (" + entityId + ").");
            }
            return registry.find(realm, entityId).chain(existing -> {
                if (existing.isEmpty()) {
                    throw notFound();
                }
                return registry.save(sp).onFailure(ClientChangePublisher.NotPropagated.class).transform(e -> notPropagated())
                        .map(saved -> ServiceProviderView.of(sp));
            });
        });
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("realm") String realm, @PathParam("id") String id,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guard(realm, authorization).chain(v -> registry.delete(realm, entityId(id)))
                .onFailure(ClientChangePublisher.NotPropagated.class).transform(e -> notPropagated()).map(deleted -> {
            if (!deleted) {
                throw notFound();
            }
            return Response.noContent().build();
        });
    }

    /** The change is stored; replicas that missed its saml_sp.changed serve their copy up to the cache TTL. */
    private static RuntimeException notPropagated() {
        LOG.warn("a SAML SP change was stored but arbor.config.v1 did not acknowledge its saml_sp.changed");
        return problem(503, "Service Unavailable", "The change is stored, but not every replica knows it yet: "
                + "they use their copy until the client cache TTL (arbor.federation.client-cache-ttl) passes.");
    }

    private Uni<Void> guard(String realm, String authorization) {
        return admin.require(authorization).chain(v -> realms.require(realm));
    }

    private ServiceProvider parse(String realm, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            throw problem(400, "Bad Request", "The body is not JSON.");
        }
        if (root == null || !root.isObject()) {
            throw problem(400, "Bad Request", "The body must be a JSON object with metadata and settings.");
        }
        Optional<String> unknown = iterable(root).filter(f -> !BODY_FIELDS.contains(f)).findFirst();
        if (unknown.isPresent()) {
            throw problem(400, "Bad Request", "Unknown field " + unknown.get() + "; known: metadata, name, settings.");
        }
        JsonNode metadata = root.get("metadata");
        if (metadata == null || !metadata.isTextual() || metadata.asText().isBlank()) {
            throw problem(400, "Bad Request", "metadata must be the SP's metadata XML as a string.");
        }
        JsonNode name = root.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw problem(400, "Bad Request", "name must be a string.");
        }
        try {
            ServiceProvider sp = ServiceProviderMetadata.read(realm, metadata.asText(),
                    ServiceProviderSettingsJson.read(root.get("settings"), Set.of()));
            return name == null || name.isNull() || name.asText().isBlank() ? sp : renamed(sp, name.asText());
        } catch (IllegalArgumentException e) {
            throw problem(400, "Bad Request", e.getMessage());
        }
    }

    static ServiceProvider renamed(ServiceProvider sp, String name) {
        return new ServiceProvider(sp.realm(), sp.entityId(), name, sp.assertionConsumerServices(),
                sp.singleLogoutServices(), sp.signingCertificates(), sp.encryptionCertificates(),
                sp.wantAssertionsSigned(), sp.settings(), sp.metadataXml());
    }

    private static java.util.stream.Stream<String> iterable(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    /** The path segment of an entity ID: base64url of its UTF-8, no padding. */
    static String id(String entityId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(entityId.getBytes(StandardCharsets.UTF_8));
    }

    private static String entityId(String id) {
        try {
            String entityId = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            if (entityId.isBlank()) {
                throw notFound();
            }
            return entityId;
        } catch (IllegalArgumentException e) {
            throw problem(400, "Bad Request", "The path segment must be the entity ID in base64url without padding.");
        }
    }

    private static ProblemException notFound() {
        return problem(404, "Not Found", "The realm has no such service provider.");
    }

    private static ProblemException problem(int status, String title, String detail) {
        return new ProblemException(Problem.of(status, title, detail), null);
    }

    /** What an administrator sees of a service provider; {@code settings} in the form the API accepts. */
    public record ServiceProviderView(String id, String entityId, String name, List<EndpointView> assertionConsumerServices,
                                      List<EndpointView> singleLogoutServices, int signingCertificates,
                                      int encryptionCertificates, boolean wantAssertionsSigned, JsonNode settings,
                                      String metadata) {
        static ServiceProviderView of(ServiceProvider sp) {
            return new ServiceProviderView(AdminSamlServiceProvidersResource.id(sp.entityId()), sp.entityId(), sp.name(),
                    sp.assertionConsumerServices().stream().map(EndpointView::of).toList(),
                    sp.singleLogoutServices().stream().map(EndpointView::of).toList(),
                    sp.signingCertificates().size(), sp.encryptionCertificates().size(), sp.wantAssertionsSigned(),
                    ServiceProviderSettingsJson.write(sp.settings()), sp.metadataXml());
        }
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record EndpointView(String binding, String location, Integer index, Boolean isDefault,
                               String responseLocation) {
        static EndpointView of(SamlEndpoint e) {
            return new EndpointView(e.binding().uri(), e.location(), e.index(), e.index() == null ? null : e.isDefault(),
                    e.responseLocation());
        }
    }
}
