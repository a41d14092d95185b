package dev.arbor.scriptrunner.adapter.out.postgres;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache access to {@link ScriptEntity}; used only by {@link PostgresScriptRepository}. */
@ApplicationScoped
public class ScriptEntityRepository implements PanacheRepositoryBase<ScriptEntity, ScriptKey> {
}
