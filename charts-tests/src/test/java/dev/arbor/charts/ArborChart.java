package dev.arbor.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Renders charts/arbor with native Helm (helm-java) and parses the result with the fabric8 model. */
final class ArborChart {

    static final String RELEASE = "arbor";
    static final String NAMESPACE = "identity";

    /** The value sets the chart is checked with: name → values file under src/test/resources/values (null = defaults). */
    enum ValueSet {
        DEFAULTS(null),
        GATEWAY_API("gateway-api.yaml"),
        REDIS_CLUSTER("redis-cluster.yaml"),
        THREE_REPLICAS_HPA("three-replicas-hpa.yaml");

        private final String file;

        ValueSet(String file) {
            this.file = file;
        }

        Path valuesFile() {
            return file == null ? null : repoRoot().resolve("charts-tests/src/test/resources/values").resolve(file);
        }
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ArborChart() {}

    static Path repoRoot() {
        return Path.of(Objects.requireNonNull(System.getProperty("arbor.repo.root"), "arbor.repo.root")).toAbsolutePath().normalize();
    }

    static Path chartDir() {
        return repoRoot().resolve("charts/arbor");
    }

    static Helm helm() {
        return new Helm(chartDir());
    }

    static String template(ValueSet set, Map<String, Object> overrides) {
        TemplateCommand cmd = helm().template().withName(RELEASE).withNamespace(NAMESPACE);
        if (set.valuesFile() != null) {
            cmd = cmd.withValuesFile(set.valuesFile());
        }
        for (var e : overrides.entrySet()) {
            cmd = cmd.set(e.getKey(), e.getValue());
        }
        return cmd.call();
    }

    static Rendered render(ValueSet set) {
        return render(set, Map.of());
    }

    static Rendered render(ValueSet set, Map<String, Object> overrides) {
        String yaml = template(set, overrides);
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
                continue;
            }
            objects.add(SERIALIZATION.unmarshal(doc));
        }
        return new Rendered(yaml, List.copyOf(objects));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
