import java.sql.DriverManager;

/** Drops a throw-away benchmark database (single-file source program, PostgreSQL driver on the class path). */
public class DropDatabase {
    public static void main(String[] args) throws Exception {
        if (!args[0].matches("arbor_bench_[0-9]+")) {
            throw new IllegalArgumentException("refusing to drop " + args[0]);
        }
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + args[0] + " WITH (FORCE)");
        }
    }
}
