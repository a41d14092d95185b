package dev.arbor.federation.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arbor.federation.domain.saml2.SamlKeyChange;
import dev.arbor.federation.domain.saml2.SamlKeyInfo;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.SamlKeyChangePublisher;
import dev.arbor.federation.port.SamlKeyRollover;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Admin API of a realm's SAML keys (docs/guides/keys.md, "SAML keys"): list them with their
 * certificates and states, and roll one over in three explicit steps — {@code next} publishes a new
 * key in the IdP metadata (SAML Metadata §2.4.1.1 KeyDescriptor), {@code activate} makes it the one
 * that signs and keeps the replaced key published as {@code previous}, {@code retire} removes a key
 * from the metadata. Never shows a private key. Requires an admin token ({@link AdminAuthorization});
 * every error is problem+json (RFC 9457).
 */
@Path("/admin/realms/{realm}/saml-keys")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSamlKeysResource {
    private static final Logger LOG = Logger.getLogger(AdminSamlKeysResource.class);
    /** A key id is the certificate's SHA-256 thumbprint, base64url without padding. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder PEM = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private final AdminAuthorization admin;
    private final RealmGuard realms;
    private final SamlKeyRollover rollover;
    private final SamlKeyChangePublisher changes;

    public AdminSamlKeysResource(AdminAuthorization admin, RealmGuard realms, SamlKeyRollover rollover,
                                 SamlKeyChangePublisher changes) {
        this.admin = admin;
        this.realms = realms;
        this.rollover = rollover;
        this.changes = changes;
    }

    /** Every key of the realm, retired ones too; {@code ?use=signing|encryption} narrows the list. */
    @GET
    public Uni<Response> list(@PathParam("realm") String realm, @QueryParam("use") String use,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guard(realm, authorization).chain(v -> {
            SamlKeyUse only = use == null ? null : SamlKeyUse.of(use).orElseThrow(() -> problem(400, "Bad Request",
                    "use must be signing or encryption."));
            return rollover.list(realm).map(keys -> ok(new KeyList(realm, keys.stream()
                    .filter(k -> only == null || k.use() == only).map(KeyView::of).toList())));
        });
    }

    /** A new key of {@code use}, published (listed in the metadata) but not signing yet. */
    @POST
    @Path("{use}/next")
    public Uni<Response> next(@PathParam("realm") String realm, @PathParam("use") String use,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guard(realm, authorization).chain(v -> rollover.next(realm, use(use)))
                .map(change -> ok(KeyView.of(done(change).key())));
    }

    /**
     * The published key of {@code use} becomes current; the current one becomes previous (still in the
     * metadata). Answers after every replica was told ({@code saml_key.activated}), else 503.
     */
    @POST
    @Path("{use}/activate")
    public Uni<Response> activate(@PathParam("realm") String realm, @PathParam("use") String use,
                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guard(realm, authorization).chain(v -> {
            SamlKeyUse keyUse = use(use);
            return rollover.activate(realm, keyUse).chain(change -> {
                SamlKeyChange.Done done = done(change);
                return changes.samlKeyActivated(realm, keyUse, done.key().keyId())
                        .onFailure(ClientChangePublisher.NotPropagated.class).transform(e -> {
                            LOG.warnf("the SAML key %s of realm %s is current but arbor.config.v1 did not"
                                    + " acknowledge its saml_key.activated", done.key().keyId(), realm);
                            return problem(503, "Service Unavailable", "The key is current and this replica signs"
                                    + " with it, but not every replica was told: the others switch within"
                                    + " arbor.federation.saml-key-cache-ttl. Do not activate again.");
                        })
                        .map(sent -> ok(new Activation(realm, KeyView.of(done.key()),
                                done.replaced() == null ? null : KeyView.of(done.replaced()))));
            });
        });
    }

    /** The key leaves the metadata; the current key cannot be retired. Retiring a retired key changes nothing. */
    @POST
    @Path("{keyId}/retire")
    public Uni<Response> retire(@PathParam("realm") String realm, @PathParam("keyId") String keyId,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guard(realm, authorization).chain(v -> {
            if (!KEY_ID.matcher(keyId).matches()) {
                throw problem(400, "Bad Request",
                        "A key id is the certificate's SHA-256 thumbprint in base64url (43 characters).");
            }
            return rollover.retire(realm, keyId);
        }).map(change -> ok(KeyView.of(done(change).key())));
    }

    private Uni<Void> guard(String realm, String authorization) {
        return admin.require(authorization).chain(v -> realms.require(realm));
    }

    private static SamlKeyUse use(String use) {
        return SamlKeyUse.of(use).orElseThrow(() -> problem(404, "Not Found",
                "No such SAML key use; it is signing or encryption."));
    }

    private static SamlKeyChange.Done done(SamlKeyChange change) {
        return switch (change) {
            case SamlKeyChange.Done d -> d;
            case SamlKeyChange.Refused r -> throw problem(409, "Conflict", r.reason());
            case SamlKeyChange.UnknownKey u -> throw problem(404, "Not Found", "The realm has no such SAML key.");
        };
    }

    private static Response ok(Object body) {
        return Response.ok(body).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    private static ProblemException problem(int status, String title, String detail) {
        return new ProblemException(Problem.of(status, title, detail), null);
    }

    public record KeyList(String realm, List<KeyView> keys) {
    }

    public record Activation(String realm, KeyView current, KeyView previous) {
    }

    /** What an administrator sees of a key: the certificate as PEM and its dates, never the private key. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(String keyId, String use, String state, boolean inMetadata, String certificate,
                          Instant notBefore, Instant notAfter, Instant created, Instant activated,
                          Instant deactivated, Instant retired) {
        static KeyView of(SamlKeyInfo key) {
            X509Certificate certificate = key.certificate();
            return new KeyView(key.keyId(), key.use().value(), key.state().value(), key.state().inMetadata(),
                    pem(certificate), certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                    key.createdAt(), key.activatedAt(), key.deactivatedAt(), key.retiredAt());
        }

        private static String pem(X509Certificate certificate) {
            try {
                return "-----BEGIN CERTIFICATE-----\n" + PEM.encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a stored SAML certificate could not be encoded", e);
            }
        }
    }
}
