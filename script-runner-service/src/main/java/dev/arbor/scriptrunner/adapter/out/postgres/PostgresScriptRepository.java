package dev.arbor.scriptrunner.adapter.out.postgres;

import dev.arbor.scriptrunner.domain.ImportDecision;
import dev.arbor.scriptrunner.domain.ImportResult;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.port.ScriptRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@link ScriptRepository} on PostgreSQL through Hibernate Reactive Panache. Each call opens its
 * own session (reads) or transaction (import), so callers need not know about sessions.
 */
@ApplicationScoped
public class PostgresScriptRepository implements ScriptRepository {
    private final ScriptEntityRepository entities;

    public PostgresScriptRepository(ScriptEntityRepository entities) {
        this.entities = entities;
    }

    @Override
    public CompletionStage<Optional<ScriptVersion>> findLatestPublished(String realm, String name) {
        return Panache.withSession(() -> entities
                        .find("realm = ?1 and name = ?2 and status = ?3 order by version desc",
                                realm, name, ScriptStatus.PUBLISHED.wireName())
                        .firstResult())
                .map(PostgresScriptRepository::toDomain)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<ScriptVersion>> find(String realm, String name, int version) {
        return Panache.withSession(() -> entities.findById(new ScriptKey(realm, name, version)))
                .map(PostgresScriptRepository::toDomain)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<ImportResult>> importAll(List<ScriptVersion> scripts) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(scripts)
                        .onItem().transformToUniAndConcatenate(this::importOne)
                        .collect().asList())
                .subscribeAsCompletionStage();
    }

    private Uni<ImportResult> importOne(ScriptVersion script) {
        return entities.findById(new ScriptKey(script.realm(), script.name(), script.version()))
                .flatMap(stored -> {
                    ImportDecision decision = ImportDecision.of(toDomain(stored), script);
                    Uni<?> write = switch (decision) {
                        case INSERT -> entities.persist(ScriptEntity.of(script));
                        case REPLACE_DRAFT -> {
                            stored.copyContentFrom(script); // managed entity: flushed at commit
                            yield Uni.createFrom().voidItem();
                        }
                        case UNCHANGED, KEEP_PUBLISHED -> Uni.createFrom().voidItem();
                    };
                    return write.replaceWith(new ImportResult(script, decision));
                });
    }

    private static Optional<ScriptVersion> toDomain(ScriptEntity entity) {
        return Optional.ofNullable(entity).map(ScriptEntity::toDomain);
    }
}
