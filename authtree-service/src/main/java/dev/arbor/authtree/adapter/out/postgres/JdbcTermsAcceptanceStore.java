package dev.arbor.authtree.adapter.out.postgres;

import dev.arbor.authtree.port.TermsAcceptanceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code authtree.terms_acceptances}: one row per (realm, identity, terms version). */
@ApplicationScoped
public class JdbcTermsAcceptanceStore implements TermsAcceptanceStore {
    private final Sql sql;

    public JdbcTermsAcceptanceStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public boolean hasAccepted(String realm, UUID subject, String version) {
        return sql.exists("SELECT 1 FROM authtree.terms_acceptances WHERE realm = ? AND identity_id = ? AND version = ?",
                realm, subject, version);
    }

    @Override
    public void recordAcceptance(String realm, UUID subject, String version, Instant acceptedAt) {
        sql.update("INSERT INTO authtree.terms_acceptances (realm, identity_id, version, accepted_at) "
                + "SELECT realm, id, ?, ? FROM authtree.identities WHERE realm = ? AND id = ? "
                + "ON CONFLICT (realm, identity_id, version) DO NOTHING",
                version, Timestamp.from(acceptedAt), realm, subject);
    }
}
