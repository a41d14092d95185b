package dev.arbor.authtree.adapter.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.port.RealmConfigStore;
import dev.arbor.authtree.port.TreeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** {@code authtree.realms} and {@code authtree.trees} over JDBC; a tree's definition is stored as jsonb. */
@ApplicationScoped
public class JdbcTreeRepository implements TreeRepository, RealmConfigStore {
    private static final String COLUMNS = "SELECT realm, name, version, is_default, definition::text FROM authtree.trees ";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public JdbcTreeRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public boolean realmExists(String realm) {
        return new Sql(dataSource).exists("SELECT 1 FROM authtree.realms WHERE name = ?", realm);
    }

    @Override
    public Optional<StoredTree> findLatest(String realm, String name) {
        return queryOne(COLUMNS + "WHERE realm = ? AND name = ? ORDER BY version DESC LIMIT 1", realm, name);
    }

    @Override
    public Optional<StoredTree> find(String realm, String name, int version) {
        return queryOne(COLUMNS + "WHERE realm = ? AND name = ? AND version = ?", realm, name, version);
    }

    @Override
    public Optional<StoredTree> findDefault(String realm) {
        return queryOne(COLUMNS + "t WHERE realm = ? AND is_default AND version = "
                + "(SELECT max(version) FROM authtree.trees l WHERE l.realm = t.realm AND l.name = t.name) LIMIT 1", realm);
    }

    @Override
    public void ensureRealm(String realm) {
        new Sql(dataSource).update("INSERT INTO authtree.realms (name) VALUES (?) ON CONFLICT DO NOTHING", realm);
    }

    @Override
    public int publishTree(String realm, String name, TreeDefinition definition, boolean isDefault) {
        Sql sql = new Sql(dataSource);
        if (isDefault) {
            sql.update("UPDATE authtree.trees SET is_default = false WHERE realm = ? AND name <> ? AND is_default", realm, name);
        }
        int version = findLatest(realm, name).map(t -> t.version() + 1).orElse(1);
        sql.update("INSERT INTO authtree.trees (realm, name, version, is_default, definition, source) "
                + "VALUES (?, ?, ?, ?, ?::jsonb, 'yaml')", realm, name, version, isDefault, write(definition));
        return version;
    }

    @Override
    public Optional<TreeDefinition> lastImported(String realm, String name) {
        return queryOne(COLUMNS + "WHERE realm = ? AND name = ? AND source = 'yaml' ORDER BY version DESC LIMIT 1",
                realm, name).map(StoredTree::definition);
    }

    @Override
    public void setDefault(String realm, String name, boolean isDefault) {
        Sql sql = new Sql(dataSource);
        if (isDefault) {
            sql.update("UPDATE authtree.trees SET is_default = false WHERE realm = ? AND name <> ? AND is_default", realm, name);
        }
        sql.update("UPDATE authtree.trees SET is_default = ? WHERE realm = ? AND name = ? AND version = "
                + "(SELECT max(version) FROM authtree.trees WHERE realm = ? AND name = ?)", isDefault, realm, name, realm, name);
    }

    TreeDefinition read(String definition) throws JsonProcessingException {
        return json.readValue(definition, TreeDefinition.class);
    }

    private Optional<StoredTree> queryOne(String query, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredTree(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4),
                        read(rs.getString(5))));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading tree failed", e);
        }
    }

    String write(TreeDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing tree failed", e);
        }
    }
}
