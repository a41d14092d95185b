package dev.arbor.authtree.adapter.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.port.IdentityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code authtree.identities} over JDBC. Claims are a JSON object of strings. */
@ApplicationScoped
public class JdbcIdentityRepository implements IdentityRepository {
    private static final TypeReference<Map<String, String>> CLAIMS = new TypeReference<>() { };
    private static final String COLUMNS = "SELECT id, realm, username, password_hash, claims::text FROM authtree.identities ";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public JdbcIdentityRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public Optional<Identity> findByUsername(String realm, String username) {
        return queryOne(COLUMNS + "WHERE realm = ? AND username = ?", realm, username);
    }

    @Override
    public Optional<Identity> findById(String realm, UUID id) {
        return queryOne(COLUMNS + "WHERE realm = ? AND id = ?", realm, id);
    }

    @Override
    public void save(Identity identity) {
        String sql = "INSERT INTO authtree.identities (id, realm, username, password_hash, claims) VALUES (?, ?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (realm, username) DO UPDATE SET password_hash = EXCLUDED.password_hash, claims = EXCLUDED.claims";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, identity.id());
            ps.setString(2, identity.realm());
            ps.setString(3, identity.username());
            ps.setString(4, identity.passwordHash());
            ps.setString(5, json.writeValueAsString(identity.claims()));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("saving identity failed", e);
        }
    }

    private Optional<Identity> queryOne(String sql, Object realm, Object key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, realm);
            ps.setObject(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Identity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), json.readValue(rs.getString(5), CLAIMS)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading identity failed", e);
        }
    }
}
