package dev.arbor.federation.adapter.in.realms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.protocol.saml2.ServiceProviderMetadata;
import dev.arbor.federation.protocol.saml2.ServiceProviderSettingsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code saml.serviceProviders} of a realm YAML document (docs/reference/realm-yaml.md): each
 * entry is the SP's metadata ({@code metadata}, inline, or {@code metadataFile}, a path relative to
 * the realm file), an optional {@code name}, and the settings of {@link ServiceProviderSettingsJson}.
 * Anything invalid is an {@link IllegalArgumentException} naming the file and the entry.
 */
public final class SamlRealmYamlReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> OWN_FIELDS = Set.of("metadata", "metadataFile", "name");

    public List<ServiceProvider> read(Path file, String realm) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("realm file " + file.getFileName() + " cannot be read", e);
        }
        JsonNode saml = root == null ? null : root.get("saml");
        if (saml == null || saml.isNull()) {
            return List.of();
        }
        JsonNode entries = saml.get("serviceProviders");
        if (!saml.isObject() || entries != null && !entries.isNull() && !entries.isArray()) {
            throw invalid(file, "saml.serviceProviders must be a list");
        }
        List<ServiceProvider> out = new ArrayList<>();
        Set<String> entityIds = new HashSet<>();
        int position = 0;
        for (JsonNode entry : entries == null ? List.<JsonNode>of() : entries) {
            position++;
            String where = "saml.serviceProviders[" + position + "]";
            if (!entry.isObject()) {
                throw invalid(file, where + " must be a mapping");
            }
            ServiceProvider sp;
            try {
                sp = ServiceProviderMetadata.read(realm, metadata(file, where, entry),
                        ServiceProviderSettingsJson.read(entry, OWN_FIELDS));
            } catch (IllegalArgumentException e) {
                throw invalid(file, where + ": " + e.getMessage());
            }
            JsonNode name = entry.get("name");
            if (name != null && name.isTextual() && !name.asText().isBlank()) {
                sp = new ServiceProvider(sp.realm(), sp.entityId(), name.asText(), sp.assertionConsumerServices(),
                        sp.singleLogoutServices(), sp.signingCertificates(), sp.encryptionCertificates(),
                        sp.wantAssertionsSigned(), sp.settings(), sp.metadataXml());
            }
            if (!entityIds.add(sp.entityId())) {
                throw invalid(file, "declares service provider " + sp.entityId() + " twice");
            }
            out.add(sp);
        }
        return List.copyOf(out);
    }

    private static String metadata(Path file, String where, JsonNode entry) {
        JsonNode inline = entry.get("metadata");
        JsonNode reference = entry.get("metadataFile");
        boolean hasInline = inline != null && !inline.isNull();
        boolean hasFile = reference != null && !reference.isNull();
        if (hasInline == hasFile) {
            throw invalid(file, where + " needs exactly one of metadata and metadataFile");
        }
        if (hasInline) {
            if (!inline.isTextual()) {
                throw invalid(file, where + ": metadata must be the XML as a string (YAML block scalar |)");
            }
            return inline.asText();
        }
        if (!reference.isTextual() || reference.asText().isBlank()) {
            throw invalid(file, where + ": metadataFile must be a path");
        }
        Path base = file.toAbsolutePath().getParent();
        Path metadataFile = base.resolve(reference.asText()).normalize();
        try {
            return Files.readString(metadataFile);
        } catch (IOException e) {
            throw invalid(file, where + ": metadataFile " + reference.asText() + " cannot be read");
        }
    }

    private static IllegalArgumentException invalid(Path file, String problem) {
        return new IllegalArgumentException("realm file " + file.getFileName() + " " + problem);
    }
}
