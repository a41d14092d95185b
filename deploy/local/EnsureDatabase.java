import java.sql.DriverManager;

/**
 * Creates the local database if it is missing (run by ./arbor with the PostgreSQL JDBC driver on
 * the class path, as a single-file source program). Each service then migrates its own schema.
 */
public class EnsureDatabase {
    public static void main(String[] args) throws Exception {
        String host = args[0], user = args[1], database = args[2];
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
        try (var c = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", user, "");
             var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            check.setString(1, database);
            if (!check.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE " + database);
                System.out.println("created database " + database);
            }
        }
    }
}
