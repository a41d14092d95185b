package dev.arbor.authtree.adapter.out.postgres;

import dev.arbor.authtree.domain.webauthn.WebAuthnCredential;
import dev.arbor.authtree.port.WebAuthnCredentialStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code authtree.webauthn_credentials} over JDBC; a credential id is unique within its realm. */
@ApplicationScoped
public class JdbcWebAuthnCredentialStore implements WebAuthnCredentialStore {
    private static final String COLUMNS = "SELECT realm, credential_id, user_handle, subject, public_key_cose, sign_count, "
            + "transports, backup_eligible, backup_state, aaguid, nickname, created_at, last_used_at, sign_count_regressed "
            + "FROM authtree.webauthn_credentials ";

    private final DataSource dataSource;

    public JdbcWebAuthnCredentialStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean add(WebAuthnCredential credential) {
        String sql = "INSERT INTO authtree.webauthn_credentials (realm, credential_id, user_handle, subject, public_key_cose, "
                + "sign_count, transports, backup_eligible, backup_state, aaguid, nickname) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (realm, credential_id) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, credential.realm());
            ps.setBytes(2, credential.credentialId());
            ps.setBytes(3, credential.userHandle());
            ps.setObject(4, credential.subject());
            ps.setBytes(5, credential.publicKeyCose());
            ps.setLong(6, credential.signCount());
            ps.setArray(7, c.createArrayOf("text", credential.transports().toArray()));
            ps.setBoolean(8, credential.backupEligible());
            ps.setBoolean(9, credential.backupState());
            ps.setBytes(10, credential.aaguid());
            ps.setString(11, credential.nickname());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("storing WebAuthn credential failed", e);
        }
    }

    @Override
    public Optional<WebAuthnCredential> find(String realm, byte[] credentialId) {
        List<WebAuthnCredential> found = query(COLUMNS + "WHERE realm = ? AND credential_id = ?", realm, credentialId);
        return found.stream().findFirst();
    }

    @Override
    public List<WebAuthnCredential> findBySubject(String realm, UUID subject) {
        return query(COLUMNS + "WHERE realm = ? AND subject = ? ORDER BY created_at", realm, subject);
    }

    @Override
    public void recordUse(String realm, byte[] credentialId, long signCount, boolean backupState, boolean regressed,
            Instant at) {
        new Sql(dataSource).update("UPDATE authtree.webauthn_credentials SET sign_count = GREATEST(sign_count, ?), "
                        + "backup_state = ?, sign_count_regressed = sign_count_regressed OR ?, last_used_at = ? "
                        + "WHERE realm = ? AND credential_id = ?",
                signCount, backupState, regressed, Timestamp.from(at), realm, credentialId);
    }

    private List<WebAuthnCredential> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            List<WebAuthnCredential> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading WebAuthn credentials failed", e);
        }
    }

    private static WebAuthnCredential row(ResultSet rs) throws SQLException {
        Array transports = rs.getArray(7);
        List<String> names = transports == null ? List.of() : Arrays.stream((Object[]) transports.getArray())
                .map(String::valueOf).toList();
        return new WebAuthnCredential(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getObject(4, UUID.class),
                rs.getBytes(5), rs.getLong(6), names, rs.getBoolean(8), rs.getBoolean(9), rs.getBytes(10),
                rs.getString(11), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), rs.getBoolean(14));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
