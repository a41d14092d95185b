package dev.arbor.authtree.adapter.out.postgres;

import dev.arbor.authtree.domain.recovery.StoredRecoveryCode;
import dev.arbor.authtree.port.RecoveryCodeStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code authtree.recovery_codes}: HMACs of each identity's recovery codes. Using a code is one
 * {@code UPDATE ... WHERE used_at IS NULL RETURNING}: PostgreSQL's row lock makes the second of two concurrent
 * updates (any replicas) re-check {@code used_at} and match nothing, so a code works once.
 */
@ApplicationScoped
public class JdbcRecoveryCodeStore implements RecoveryCodeStore {
    private final DataSource dataSource;

    public JdbcRecoveryCodeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void replace(String realm, UUID subject, List<byte[]> hashes) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // the identity row lock serialises two registrations of the same identity
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT id FROM authtree.identities WHERE realm = ? AND id = ? FOR UPDATE")) {
                    Sql.bind(lock, realm, subject);
                    try (ResultSet rs = lock.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return;
                        }
                    }
                }
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM authtree.recovery_codes WHERE identity_id = ?")) {
                    Sql.bind(delete, subject);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO authtree.recovery_codes (identity_id, code_hash) VALUES (?, ?)")) {
                    for (byte[] hash : hashes) {
                        Sql.bind(insert, subject, hash);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing recovery codes failed", e);
        }
    }

    @Override
    public List<StoredRecoveryCode> unused(String realm, UUID subject) {
        String query = "SELECT r.id, r.code_hash FROM authtree.recovery_codes r "
                + "JOIN authtree.identities i ON i.id = r.identity_id "
                + "WHERE i.realm = ? AND r.identity_id = ? AND r.used_at IS NULL ORDER BY r.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            Sql.bind(ps, realm, subject);
            List<StoredRecoveryCode> codes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(new StoredRecoveryCode(rs.getLong(1), rs.getBytes(2)));
                }
            }
            return codes;
        } catch (SQLException e) {
            throw new IllegalStateException("reading recovery codes failed", e);
        }
    }

    @Override
    public boolean markUsed(String realm, UUID subject, long id) {
        String update = "UPDATE authtree.recovery_codes r SET used_at = now() FROM authtree.identities i "
                + "WHERE r.id = ? AND r.identity_id = ? AND i.id = r.identity_id AND i.realm = ? "
                + "AND r.used_at IS NULL RETURNING r.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(update)) {
            Sql.bind(ps, id, subject, realm);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("using a recovery code failed", e);
        }
    }
}
