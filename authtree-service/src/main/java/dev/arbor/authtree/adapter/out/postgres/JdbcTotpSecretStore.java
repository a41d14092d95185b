package dev.arbor.authtree.adapter.out.postgres;

import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.port.SecretSealer;
import dev.arbor.authtree.port.TotpSecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** {@code authtree.totp_secrets}: each identity's TOTP secret, sealed (JWE) before it reaches the row. */
@ApplicationScoped
public class JdbcTotpSecretStore implements TotpSecretStore {
    private static final Logger LOG = Logger.getLogger(JdbcTotpSecretStore.class);

    private final DataSource dataSource;
    private final SecretSealer sealer;

    public JdbcTotpSecretStore(DataSource dataSource, SecretSealer sealer) {
        this.dataSource = dataSource;
        this.sealer = sealer;
    }

    @Override
    public Optional<TotpSecret> find(String realm, UUID identityId) {
        String query = "SELECT s.secret_jwe FROM authtree.totp_secrets s JOIN authtree.identities i ON i.id = s.identity_id "
                + "WHERE i.realm = ? AND s.identity_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            Sql.bind(ps, realm, identityId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Optional<byte[]> secret = sealer.open(rs.getString(1));
                if (secret.isEmpty()) {
                    LOG.warnf("TOTP secret of identity %s does not open with the configured key", identityId);
                }
                return secret.map(TotpSecret::of);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading TOTP secret failed", e);
        }
    }

    @Override
    public void save(String realm, UUID identityId, TotpSecret secret) {
        new Sql(dataSource).update("INSERT INTO authtree.totp_secrets (identity_id, secret_jwe) "
                + "SELECT id, ? FROM authtree.identities WHERE realm = ? AND id = ? "
                + "ON CONFLICT (identity_id) DO UPDATE SET secret_jwe = EXCLUDED.secret_jwe, enrolled_at = now()",
                sealer.seal(secret.bytes()), realm, identityId);
    }
}
