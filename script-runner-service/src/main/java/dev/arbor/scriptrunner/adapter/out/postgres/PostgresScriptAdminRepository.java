package dev.arbor.scriptrunner.adapter.out.postgres;

import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.admin.ScriptAdminException;
import dev.arbor.scriptrunner.domain.admin.ScriptSummary;
import dev.arbor.scriptrunner.domain.admin.StoredScript;
import dev.arbor.scriptrunner.port.ScriptAdminRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link ScriptAdminRepository} on the same {@code scripts} table as {@link PostgresScriptRepository}. */
@ApplicationScoped
public class PostgresScriptAdminRepository implements ScriptAdminRepository {
    private static final String PUBLISHED = ScriptStatus.PUBLISHED.wireName();

    private final ScriptEntityRepository entities;

    public PostgresScriptAdminRepository(ScriptEntityRepository entities) {
        this.entities = entities;
    }

    @Override
    public CompletionStage<List<ScriptSummary>> list(String realm) {
        return Panache.withSession(() -> entities.list("realm = ?1 order by name, version", realm))
                .map(PostgresScriptAdminRepository::summarise)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<StoredScript>> find(String realm, String name, int version) {
        return Panache.withSession(() -> version == 0
                        ? entities.find("realm = ?1 and name = ?2 order by version desc", realm, name).firstResult()
                        : entities.findById(new ScriptKey(realm, name, version)))
                .map(entity -> Optional.ofNullable(entity).map(PostgresScriptAdminRepository::toStored))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<StoredScript> insert(StoredScript script) {
        ScriptEntity entity = ScriptEntity.of(script.script());
        entity.description = script.description();
        return Panache.withTransaction(() -> entities.persistAndFlush(entity))
                .map(saved -> script)
                .onFailure(PostgresScriptAdminRepository::isDuplicateKey).transform(e -> new ScriptAdminException(
                        ScriptAdminException.Kind.CONFLICT, "version " + script.script().version() + " of '"
                        + script.script().name() + "' was just created by another request; read it and try again"))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> publish(String realm, String name, int version) {
        return Panache.withTransaction(() -> entities.update(
                        "status = ?4 where realm = ?1 and name = ?2 and version = ?3 and status = ?5",
                        realm, name, version, PUBLISHED, ScriptStatus.DRAFT.wireName()))
                .map(count -> count == 1)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Integer> deleteUnpublished(String realm, String name) {
        // One statement, so a version published meanwhile is never deleted.
        return Panache.withTransaction(() -> entities.delete("realm = ?1 and name = ?2 and not exists ("
                        + "select 1 from ScriptEntity p where p.realm = ?1 and p.name = ?2 and p.status = ?3)",
                        realm, name, PUBLISHED))
                .map(Long::intValue)
                .subscribeAsCompletionStage();
    }

    private static List<ScriptSummary> summarise(List<ScriptEntity> rows) {
        Map<String, List<ScriptEntity>> byName = new LinkedHashMap<>();
        rows.forEach(row -> byName.computeIfAbsent(row.name, n -> new ArrayList<>()).add(row));
        List<ScriptSummary> summaries = new ArrayList<>();
        byName.forEach((name, versions) -> {
            ScriptEntity latest = versions.getLast();
            int published = versions.stream().filter(v -> PUBLISHED.equals(v.status))
                    .mapToInt(v -> v.version).max().orElse(0);
            summaries.add(new ScriptSummary(name, latest.version, published, latest.version > published,
                    latest.description));
        });
        return summaries;
    }

    private static StoredScript toStored(ScriptEntity entity) {
        return new StoredScript(entity.toDomain(), entity.description,
                entity.createdAt == null ? Instant.now() : entity.createdAt.toInstant());
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("23505") || message.contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }
}
