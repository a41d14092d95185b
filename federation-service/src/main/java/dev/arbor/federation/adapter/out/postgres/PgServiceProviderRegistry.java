package dev.arbor.federation.adapter.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.saml2.ServiceProviderMetadata;
import dev.arbor.federation.protocol.saml2.ServiceProviderSettingsJson;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ServiceProviderRegistry} in PostgreSQL ({@code federation.saml_service_provider}, V9). The
 * row keeps the metadata as imported and the resolved settings (every field explicit); reading a row
 * parses the metadata again through {@link ServiceProviderMetadata}, so endpoints and keys have one
 * source and the hardened parser sees every document. A save that changes nothing writes nothing
 * ({@code updated_at} stays), so re-importing an unchanged realm is a no-op.
 *
 * <p>Written and read only through {@code CachingServiceProviderRegistry}, which keeps the parsed SPs in
 * memory and tells every replica of a change, hence {@code @Typed}.
 */
@ApplicationScoped
@Typed(PgServiceProviderRegistry.class)
public class PgServiceProviderRegistry implements ServiceProviderRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "realm, entity_id, name, metadata_xml, settings::text AS settings";
    private static final String FIND = "SELECT " + COLUMNS
            + " FROM federation.saml_service_provider WHERE realm = $1 AND entity_id = $2";
    private static final String LIST = "SELECT " + COLUMNS
            + " FROM federation.saml_service_provider WHERE realm = $1 ORDER BY entity_id";
    /** A JsonObject, not a String: the PG client would store a String as a JSON string value. */
    private static final String UPSERT = """
            INSERT INTO federation.saml_service_provider (realm, entity_id, name, metadata_xml, settings)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (realm, entity_id) DO UPDATE
               SET name = EXCLUDED.name, metadata_xml = EXCLUDED.metadata_xml, settings = EXCLUDED.settings,
                   updated_at = now()
             WHERE (saml_service_provider.name, saml_service_provider.metadata_xml, saml_service_provider.settings)
                   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.metadata_xml, EXCLUDED.settings)""";
    private static final String DELETE = "DELETE FROM federation.saml_service_provider WHERE realm = $1 AND entity_id = $2";

    private final Pool pool;

    public PgServiceProviderRegistry(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<ServiceProvider>> find(String realm, String entityId) {
        return onCallersContext(pool.preparedQuery(FIND).execute(Tuple.of(realm, entityId)).map(rows -> {
            var iterator = rows.iterator();
            return iterator.hasNext() ? Optional.of(toDomain(iterator.next())) : Optional.<ServiceProvider>empty();
        }));
    }

    @Override
    public Uni<List<ServiceProvider>> list(String realm) {
        return onCallersContext(pool.preparedQuery(LIST).execute(Tuple.of(realm)).map(rows -> {
            List<ServiceProvider> out = new ArrayList<>();
            rows.forEach(row -> out.add(toDomain(row)));
            return out;
        }));
    }

    @Override
    public Uni<Void> save(ServiceProvider sp) {
        String settings;
        try {
            settings = JSON.writeValueAsString(ServiceProviderSettingsJson.write(sp.settings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings could not be written as JSON", e);
        }
        return onCallersContext(pool.preparedQuery(UPSERT)
                .execute(Tuple.of(sp.realm(), sp.entityId(), sp.name(), sp.metadataXml(), new JsonObject(settings)))
                .replaceWithVoid());
    }

    @Override
    public Uni<Boolean> delete(String realm, String entityId) {
        return onCallersContext(pool.preparedQuery(DELETE).execute(Tuple.of(realm, entityId))
                .map(result -> result.rowCount() > 0));
    }

    /**
     * The stored name wins over the metadata's (an administrator may have named the SP); the rest
     * is read from the metadata and the stored settings.
     */
    private static ServiceProvider toDomain(Row row) {
        ServiceProviderSettingsJson.Requested settings;
        try {
            settings = ServiceProviderSettingsJson.read(JSON.readTree(row.getString("settings")), Set.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored settings of a SAML service provider are not JSON", e);
        }
        ServiceProvider parsed = ServiceProviderMetadata.read(row.getString("realm"), row.getString("metadata_xml"),
                settings);
        return new ServiceProvider(parsed.realm(), parsed.entityId(), row.getString("name"),
                parsed.assertionConsumerServices(), parsed.singleLogoutServices(), parsed.signingCertificates(),
                parsed.encryptionCertificates(), parsed.wantAssertionsSigned(), parsed.settings(), parsed.metadataXml());
    }

    private static <V> Uni<V> onCallersContext(Uni<V> pending) {
        Context caller = Vertx.currentContext();
        return caller == null ? pending : pending.emitOn(task -> caller.runOnContext(v -> task.run()));
    }
}
