package dev.arbor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run its own, empty PostgreSQL database on the machine's server (127.0.0.1:5432,
 * user postgres) and drops it afterwards, so tests never see each other's data. Flyway then
 * migrates the service's schema into it exactly as in production.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {
    private static final String HOST = System.getProperty("arbor.test.pg.host", "127.0.0.1:5432");
    private static final String USER = System.getProperty("arbor.test.pg.user", "postgres");

    private String database;

    @Override
    public Map<String, String> start() {
        database = "arbor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        return Map.of(
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + HOST + "/" + database,
                "quarkus.datasource.reactive.url", "postgresql://" + HOST + "/" + database);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + " is needed for this test: " + e.getMessage(), e);
        }
    }
}
