package dev.arbor.federation.protocol.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OIDC Core §5.5 — the {@code claims} request parameter: a JSON object whose {@code userinfo} and
 * {@code id_token} members name individual claims, each {@code null} or an object with
 * {@code essential} (boolean), {@code value} or {@code values} (array). Other top-level members are
 * ignored (§5.5: not understood ⇒ ignored); anything malformed is refused.
 *
 * @param userinfo claims asked for at the UserInfo endpoint, by name
 * @param idToken  claims asked for in the ID token, by name
 */
public record ClaimsRequest(Map<String, Requested> userinfo, Map<String, Requested> idToken) {
    public static final ClaimsRequest NONE = new ClaimsRequest(Map.of(), Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 8 * 1024;
    private static final int MAX_CLAIMS = 64;

    /** One requested claim (§5.5.1): whether it is essential and the values asked for, as JSON text or strings. */
    public record Requested(boolean essential, List<String> values) {
        public Requested {
            values = List.copyOf(values);
        }

        /**
         * §5.5.1 — whether a claim with {@code actual} answers this request: any value when none was asked
         * for, else one of them. A claim that does not is left out, never an error (except acr, {@link EssentialAcr}).
         */
        public boolean acceptsValue(String actual) {
            return values.isEmpty() || (actual != null && values.contains(actual));
        }
    }

    public ClaimsRequest {
        userinfo = Collections.unmodifiableMap(new LinkedHashMap<>(userinfo));
        idToken = Collections.unmodifiableMap(new LinkedHashMap<>(idToken));
    }

    /**
     * @param json the parameter's value; null or empty means no claims request
     * @throws IllegalArgumentException saying what is malformed
     */
    public static ClaimsRequest parse(String json) {
        if (json == null || json.isEmpty()) {
            return NONE;
        }
        if (json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("claims is too long");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("claims is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("claims must be a JSON object");
        }
        return new ClaimsRequest(members(root, "userinfo"), members(root, "id_token"));
    }

    private static Map<String, Requested> members(JsonNode root, String name) {
        JsonNode member = root.get(name);
        if (member == null || member.isNull()) {
            return Map.of();
        }
        if (!member.isObject()) {
            throw new IllegalArgumentException("claims." + name + " must be a JSON object");
        }
        if (member.size() > MAX_CLAIMS) {
            throw new IllegalArgumentException("claims." + name + " asks for too many claims");
        }
        Map<String, Requested> out = new LinkedHashMap<>();
        member.properties().forEach(e -> out.put(e.getKey(), requested(name + "." + e.getKey(), e.getValue())));
        return out;
    }

    private static Requested requested(String where, JsonNode node) {
        if (node.isNull()) {
            return new Requested(false, List.of());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("claims." + where + " must be null or a JSON object");
        }
        JsonNode essential = node.get("essential");
        if (essential != null && !essential.isNull() && !essential.isBoolean()) {
            throw new IllegalArgumentException("claims." + where + ".essential must be true or false");
        }
        List<String> values = new ArrayList<>();
        JsonNode value = node.get("value");
        JsonNode many = node.get("values");
        if (value != null && many != null) {
            throw new IllegalArgumentException("claims." + where + " has both value and values");
        }
        if (value != null && !value.isNull()) {
            values.add(text(value));
        }
        if (many != null && !many.isNull()) {
            if (!many.isArray()) {
                throw new IllegalArgumentException("claims." + where + ".values must be an array");
            }
            many.forEach(v -> values.add(text(v)));
        }
        return new Requested(essential != null && essential.asBoolean(), values);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /**
     * The names in {@code members} (the ID token's or UserInfo's) whose requested value, if any, the
     * identity's claim matches.
     */
    public static List<String> answered(Map<String, Requested> members, Map<String, String> identity) {
        return members.entrySet().stream().filter(e -> e.getValue().acceptsValue(identity.get(e.getKey())))
                .map(Map.Entry::getKey).toList();
    }

    /** The names asked for anywhere (ID token or UserInfo). */
    public List<String> names() {
        List<String> names = new ArrayList<>(idToken.keySet());
        userinfo.keySet().stream().filter(n -> !idToken.containsKey(n)).forEach(names::add);
        return names;
    }
}
