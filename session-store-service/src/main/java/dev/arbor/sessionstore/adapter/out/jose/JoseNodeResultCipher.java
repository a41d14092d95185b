package dev.arbor.sessionstore.adapter.out.jose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.sessionstore.domain.session.NodeResult;
import dev.arbor.sessionstore.port.NodeResultCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Node results as compact JWE (see {@link JweBox}); the plaintext is the result's JSON with its realm. */
@ApplicationScoped
public class JoseNodeResultCipher implements NodeResultCipher {
    static final String CONTENT_TYPE = "arbor-node-result+json";

    private final JweBox box;
    private final ObjectMapper json;

    public JoseNodeResultCipher(JweBox box, ObjectMapper json) {
        this.box = box;
        this.json = json;
    }

    record Plaintext(String realm, String tree, String nodeId, String outcome, Map<String, String> shared,
                     String subject, long rememberedAt, long expiresAt) {
    }

    @Override
    public String seal(String realm, NodeResult result) {
        var plaintext = new Plaintext(realm, result.tree(), result.nodeId(), result.outcome(), result.shared(),
                result.subject(), result.rememberedAt().getEpochSecond(), result.expiresAt().getEpochSecond());
        try {
            return box.seal(CONTENT_TYPE, json.writeValueAsString(plaintext));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a node result", e);
        }
    }

    @Override
    public Optional<Sealed> open(String sealed) {
        return box.open(CONTENT_TYPE, sealed).flatMap(this::read);
    }

    private Optional<Sealed> read(String value) {
        try {
            Plaintext p = json.readValue(value, Plaintext.class);
            if (p.realm() == null) {
                return Optional.empty();
            }
            return Optional.of(new Sealed(p.realm(), new NodeResult(p.tree(), p.nodeId(), p.outcome(), p.shared(),
                    p.subject(), Instant.ofEpochSecond(p.rememberedAt()), Instant.ofEpochSecond(p.expiresAt()))));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
