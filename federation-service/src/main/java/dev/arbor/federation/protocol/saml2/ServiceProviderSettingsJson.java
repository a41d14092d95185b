package dev.arbor.federation.protocol.saml2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbor.federation.domain.saml2.AssertionEncryption;
import dev.arbor.federation.domain.saml2.AttributeRelease;
import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.ServiceProviderSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one JSON (and YAML) form of {@link ServiceProviderSettings}: the admin API's {@code settings},
 * a realm YAML service provider's fields, and the {@code settings} column. Reading yields
 * {@link Requested}, where an absent field is null, because the metadata decides some defaults
 * ({@link ServiceProviderMetadata}); writing always writes every field.
 */
public final class ServiceProviderSettingsJson {
    static final Set<String> FIELDS = Set.of("signResponse", "signAssertion", "encryptAssertion", "nameIdFormat",
            "nameIdAttribute", "attributes", "authnContext", "requireSignedAuthnRequests", "allowIdpInitiated");
    private static final Map<String, AssertionEncryption> ENCRYPTIONS = Map.of("none", AssertionEncryption.NONE,
            "aes256-gcm", AssertionEncryption.AES256_GCM_RSA_OAEP,
            "aes256-cbc", AssertionEncryption.AES256_CBC_RSA_OAEP_MGF1P);
    private static final Map<String, NameIdFormat> NAME_ID_FORMATS = Map.of("persistent", NameIdFormat.PERSISTENT,
            "transient", NameIdFormat.TRANSIENT, "email", NameIdFormat.EMAIL, "unspecified", NameIdFormat.UNSPECIFIED);
    private static final Map<String, String> NAME_FORMATS = Map.of("uri", AttributeRelease.URI_FORMAT,
            "basic", AttributeRelease.BASIC_FORMAT, "unspecified", AttributeRelease.UNSPECIFIED_FORMAT);

    private ServiceProviderSettingsJson() {
    }

    /** Settings as given; null: not given (the default, or what the metadata implies, applies). */
    public record Requested(Boolean signResponse, Boolean signAssertion, AssertionEncryption encryption,
                            NameIdFormat nameIdFormat, String nameIdAttribute, List<AttributeRelease> attributes,
                            Map<String, String> authnContextTrees, Boolean requireSignedAuthnRequests,
                            Boolean allowIdpInitiated) {
        public static final Requested NOTHING = new Requested(null, null, null, null, null, null, null, null, null);
    }

    /**
     * Reads the settings fields of an object; any other field is refused (a typo must not silently
     * leave a default in force). Null or missing node: {@link Requested#NOTHING}.
     *
     * @param ignored fields that belong to the caller (e.g. {@code metadata} in realm YAML)
     * @throws IllegalArgumentException with a message fit for the caller
     */
    public static Requested read(JsonNode node, Set<String> ignored) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Requested.NOTHING;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("settings must be an object");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field) && !ignored.contains(field)) {
                throw new IllegalArgumentException("unknown setting " + field + "; known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()));
            }
        });
        String encryption = text(node, "encryptAssertion");
        String nameIdFormat = text(node, "nameIdFormat");
        return new Requested(flag(node, "signResponse"), flag(node, "signAssertion"),
                encryption == null ? null : pick(ENCRYPTIONS, encryption, "encryptAssertion"),
                nameIdFormat == null ? null : nameIdFormat(nameIdFormat), text(node, "nameIdAttribute"),
                attributes(node.get("attributes")), authnContext(node.get("authnContext")),
                flag(node, "requireSignedAuthnRequests"), flag(node, "allowIdpInitiated"));
    }

    /** Every field, in the names {@link #read} reads. */
    public static ObjectNode write(ServiceProviderSettings settings) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("signResponse", settings.signResponse());
        out.put("signAssertion", settings.signAssertion());
        out.put("encryptAssertion", name(ENCRYPTIONS, settings.encryption()));
        out.put("nameIdFormat", name(NAME_ID_FORMATS, settings.nameIdFormat()));
        out.put("nameIdAttribute", settings.nameIdAttribute());
        ArrayNode attributes = out.putArray("attributes");
        for (AttributeRelease a : settings.attributes()) {
            ObjectNode attribute = attributes.addObject().put("claim", a.claim()).put("name", a.name());
            String format = NAME_FORMATS.entrySet().stream().filter(e -> e.getValue().equals(a.nameFormat()))
                    .map(Map.Entry::getKey).findFirst().orElse(a.nameFormat());
            attribute.put("nameFormat", format);
            if (a.friendlyName() != null) {
                attribute.put("friendlyName", a.friendlyName());
            }
        }
        ObjectNode authnContext = out.putObject("authnContext");
        settings.authnContextTrees().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> authnContext.put(e.getKey(), e.getValue()));
        out.put("requireSignedAuthnRequests", settings.requireSignedAuthnRequests());
        out.put("allowIdpInitiated", settings.allowIdpInitiated());
        return out;
    }

    /** {@code persistent}, {@code transient}, {@code email}, {@code unspecified}, or the format's URI. */
    static NameIdFormat nameIdFormat(String value) {
        NameIdFormat byName = NAME_ID_FORMATS.get(value);
        return byName != null ? byName : NameIdFormat.of(value).orElseThrow(() -> new IllegalArgumentException(
                "nameIdFormat " + value + " is not one of persistent, transient, email, unspecified"));
    }

    private static List<AttributeRelease> attributes(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("attributes must be a list");
        }
        List<AttributeRelease> out = new ArrayList<>();
        for (JsonNode a : node) {
            if (!a.isObject()) {
                throw new IllegalArgumentException("each attribute must be an object with claim and name");
            }
            a.fieldNames().forEachRemaining(field -> {
                if (!Set.of("claim", "name", "nameFormat", "friendlyName").contains(field)) {
                    throw new IllegalArgumentException("unknown attribute field " + field
                            + "; known: claim, name, nameFormat, friendlyName");
                }
            });
            String claim = text(a, "claim");
            String name = text(a, "name");
            if (claim == null || claim.isBlank() || name == null || name.isBlank()) {
                throw new IllegalArgumentException("each attribute needs a claim and a name");
            }
            String nameFormat = text(a, "nameFormat");
            String formatUri = nameFormat == null ? null : NAME_FORMATS.getOrDefault(nameFormat, nameFormat);
            if (formatUri != null && !NAME_FORMATS.containsValue(formatUri)) {
                throw new IllegalArgumentException("attribute " + name + ": nameFormat " + nameFormat
                        + " is not one of uri, basic, unspecified");
            }
            out.add(new AttributeRelease(claim, name, formatUri, text(a, "friendlyName")));
        }
        return List.copyOf(out);
    }

    private static Map<String, String> authnContext(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("authnContext must map AuthnContextClassRef URIs to tree names");
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank() || e.getKey().isBlank()) {
                throw new IllegalArgumentException("authnContext " + e.getKey() + " must name a tree");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static Boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    private static <T> T pick(Map<String, T> values, String value, String field) {
        T picked = values.get(value);
        if (picked == null) {
            throw new IllegalArgumentException(field + " " + value + " is not one of "
                    + String.join(", ", values.keySet().stream().sorted().toList()));
        }
        return picked;
    }

    private static <T> String name(Map<String, T> values, T value) {
        return values.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }
}
