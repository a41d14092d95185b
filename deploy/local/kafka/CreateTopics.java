import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates Arbor's topics on the local broker before the services start (./arbor up), so the first
 * event of each kind does not wait for the broker to auto-create its topic while a login waits on
 * it. Topics that exist are left alone. Run as a single-file program with the broker's class path:
 * {@code java -cp <kafka classpath> CreateTopics.java localhost:9092 arbor.session.v1 ...}
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(args).subList(1, args.length).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, 1, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            System.out.println("topics ready: " + String.join(" ", List.of(args).subList(1, args.length)));
        }
    }
}
