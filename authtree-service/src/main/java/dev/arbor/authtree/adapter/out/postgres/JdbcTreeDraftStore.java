package dev.arbor.authtree.adapter.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.domain.tree.TreeSummary;
import dev.arbor.authtree.port.TreeDraftStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * {@code authtree.tree_drafts} and the admin side of {@code authtree.trees}. Publishing and deleting are each
 * one SQL statement, so they are atomic without a surrounding transaction; a published row is never updated.
 */
@ApplicationScoped
public class JdbcTreeDraftStore implements TreeDraftStore {
    private static final String LIST = """
            SELECT name, bool_or(latest_default), max(version), bool_or(draft) FROM (
              SELECT t.name, t.version, t.is_default AND t.version = (SELECT max(l.version) FROM authtree.trees l
                     WHERE l.realm = t.realm AND l.name = t.name) AS latest_default, false AS draft
                FROM authtree.trees t WHERE t.realm = ?
              UNION ALL
              SELECT name, 0, false, true FROM authtree.tree_drafts WHERE realm = ?) x
            GROUP BY name ORDER BY name""";
    private static final String PUBLISH = """
            WITH ins AS (
              INSERT INTO authtree.trees (realm, name, version, is_default, definition, source)
              SELECT ?, ?, coalesce(max(version), 0) + 1,
                     coalesce((SELECT l.is_default FROM authtree.trees l WHERE l.realm = ? AND l.name = ?
                               ORDER BY l.version DESC LIMIT 1), false),
                     ?::jsonb, 'admin'
                FROM authtree.trees WHERE realm = ? AND name = ?
              ON CONFLICT DO NOTHING RETURNING version),
            del AS (DELETE FROM authtree.tree_drafts WHERE realm = ? AND name = ? AND EXISTS (SELECT 1 FROM ins))
            SELECT version FROM ins""";
    private static final String DELETE = """
            WITH t AS (DELETE FROM authtree.trees WHERE realm = ? AND name = ? RETURNING 1),
                 d AS (DELETE FROM authtree.tree_drafts WHERE realm = ? AND name = ? RETURNING 1)
            SELECT (SELECT count(*) FROM t) + (SELECT count(*) FROM d)""";

    private final DataSource dataSource;
    private final JdbcTreeRepository trees;

    public JdbcTreeDraftStore(DataSource dataSource, JdbcTreeRepository trees) {
        this.dataSource = dataSource;
        this.trees = trees;
    }

    @Override
    public List<TreeSummary> list(String realm) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LIST)) {
            Sql.bind(ps, realm, realm);
            List<TreeSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TreeSummary(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getBoolean(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("listing trees failed", e);
        }
    }

    @Override
    public Optional<TreeDefinition> findDraft(String realm, String name) {
        String query = "SELECT definition::text FROM authtree.tree_drafts WHERE realm = ? AND name = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            Sql.bind(ps, realm, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(trees.read(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading draft failed", e);
        }
    }

    @Override
    public void saveDraft(String realm, String name, TreeDefinition definition) {
        new Sql(dataSource).update("INSERT INTO authtree.tree_drafts (realm, name, definition) VALUES (?, ?, ?::jsonb) "
                + "ON CONFLICT (realm, name) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()",
                realm, name, trees.write(definition));
    }

    @Override
    public OptionalInt publish(String realm, String name, TreeDefinition definition) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PUBLISH)) {
            Sql.bind(ps, realm, name, realm, name, trees.write(definition), realm, name, realm, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("publishing tree failed", e);
        }
    }

    @Override
    public boolean delete(String realm, String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
            Sql.bind(ps, realm, name, realm, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deleting tree failed", e);
        }
    }
}
