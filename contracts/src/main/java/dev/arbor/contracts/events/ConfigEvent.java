package dev.arbor.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Events of {@link Topics#CONFIG}: configuration that every replica holds in memory changed in the
 * store, so each replica drops its copy and reads the store again. The JSON carries
 * {@code "type": "client.changed"} (or {@code saml_sp.changed}, {@code realm.changed}, {@code saml_key.activated});
 * the record key on the topic is {@code realm/clientId}, {@code realm/entityID} (or the realm), so one client's
 * changes stay in order. The events name
 * what changed, never its new value: a secret hash never travels on the topic.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ConfigEvent.ClientChanged.class, name = ConfigEvent.CLIENT_CHANGED),
        @JsonSubTypes.Type(value = ConfigEvent.RealmChanged.class, name = ConfigEvent.REALM_CHANGED),
        @JsonSubTypes.Type(value = ConfigEvent.SamlKeyActivated.class, name = ConfigEvent.SAML_KEY_ACTIVATED),
        @JsonSubTypes.Type(value = ConfigEvent.ServiceProviderChanged.class, name = ConfigEvent.SAML_SP_CHANGED)
})
public sealed interface ConfigEvent extends ArborEvent {
    String CLIENT_CHANGED = "client.changed";
    String REALM_CHANGED = "realm.changed";
    String SAML_KEY_ACTIVATED = "saml_key.activated";
    String SAML_SP_CHANGED = "saml_sp.changed";

    String realm();

    /** The record key of this event on the topic. */
    @JsonIgnore
    String key();

    /** A client was created, updated (a rotated secret, a changed redirect URI) or deleted. */
    record ClientChanged(String id, Instant occurredAt, String realm, String clientId) implements ConfigEvent {
        @Override
        @JsonIgnore
        public String type() {
            return CLIENT_CHANGED;
        }

        @Override
        @JsonIgnore
        public String key() {
            return realm + "/" + clientId;
        }
    }

    /**
     * A realm was imported or re-imported: its existence, its defaults (inherited by clients that set
     * none) and any of its clients may have changed.
     */
    record RealmChanged(String id, Instant occurredAt, String realm) implements ConfigEvent {
        @Override
        @JsonIgnore
        public String type() {
            return REALM_CHANGED;
        }

        @Override
        @JsonIgnore
        public String key() {
            return realm;
        }
    }

    /**
     * A realm's SAML key of {@code use} ({@code signing} or {@code encryption}) became current: an
     * administrator activated the published one. Replicas drop the realm's current SAML keys from memory
     * and read them again, so they sign with {@code keyId} from then on (docs/guides/keys.md).
     */
    record SamlKeyActivated(String id, Instant occurredAt, String realm, String use, String keyId)
            implements ConfigEvent {
        @Override
        @JsonIgnore
        public String type() {
            return SAML_KEY_ACTIVATED;
        }

        @Override
        @JsonIgnore
        public String key() {
            return realm;
        }
    }

    /** A SAML service provider was registered, replaced (new metadata or settings) or deleted. */
    record ServiceProviderChanged(String id, Instant occurredAt, String realm, String entityId) implements ConfigEvent {
        @Override
        @JsonIgnore
        public String type() {
            return SAML_SP_CHANGED;
        }

        @Override
        @JsonIgnore
        public String key() {
            return realm + "/" + entityId;
        }
    }
}
