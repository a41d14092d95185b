package dev.arbor.scriptrunner.adapter.out.postgres;

import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code scripts} (see V1__scripts.sql, V2; Flyway owns the schema). {@code created_at} is
 * left to the column default. Mutable because JPA needs it; it never leaves this package.
 */
@Entity
@Table(name = "scripts")
@IdClass(ScriptKey.class)
public class ScriptEntity {
    @Id
    String realm;

    @Id
    String name;

    @Id
    int version;

    String status;

    String source;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    String[] outcomes;

    /** Admin API only; the realm YAML import never writes it. */
    String description;

    @Column(name = "created_at", insertable = false, updatable = false)
    java.time.OffsetDateTime createdAt;

    static ScriptEntity of(ScriptVersion script) {
        ScriptEntity entity = new ScriptEntity();
        entity.realm = script.realm();
        entity.name = script.name();
        entity.version = script.version();
        entity.copyContentFrom(script);
        return entity;
    }

    void copyContentFrom(ScriptVersion script) {
        status = script.status().wireName();
        source = script.source();
        outcomes = script.outcomes().toArray(String[]::new);
    }

    ScriptVersion toDomain() {
        ScriptStatus parsed = ScriptStatus.parse(status)
                .orElseThrow(() -> new IllegalStateException("unknown status in scripts table: " + status));
        return new ScriptVersion(realm, name, version, parsed, source, List.of(outcomes));
    }
}
