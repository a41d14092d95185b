package dev.arbor.authtree.domain.realm;

import dev.arbor.authtree.domain.tree.TreeDefinition;
import java.util.List;
import java.util.Map;

/** The parts of a realm YAML document this service imports: its trees and (demo) users. */
public record RealmConfig(String realm, List<TreeConfig> trees, List<UserConfig> users) {
    public RealmConfig {
        trees = trees == null ? List.of() : List.copyOf(trees);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A tree as written in the YAML. */
    public record TreeConfig(String name, boolean isDefault, TreeDefinition definition) {
    }

    /**
     * A user as written in the YAML; {@code password} is clear text and is only hashed, never stored or logged.
     * {@code totpSecret} ({@code totp.secret} in YAML, base32, optional) enrols the user for TOTP; it is stored sealed, never logged.
     */
    public record UserConfig(String username, String password, Map<String, String> claims, String totpSecret) {
        public UserConfig {
            claims = claims == null ? Map.of() : Map.copyOf(claims);
        }

        public UserConfig(String username, String password, Map<String, String> claims) {
            this(username, password, claims, null);
        }

        @Override
        public String toString() {
            return "UserConfig[username=" + username + "]";
        }
    }
}
