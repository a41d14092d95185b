package dev.arbor.authtree.domain.realm;

import dev.arbor.authtree.domain.identity.Argon2idPasswordHasher;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.domain.tree.TreeValidationException;
import dev.arbor.authtree.domain.tree.TreeValidator;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.RealmConfigStore;
import dev.arbor.authtree.port.TotpSecretStore;
import dev.arbor.authtree.port.TreeRepository;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports the trees and users of realm documents, idempotently: an unchanged tree is not re-versioned, and a
 * user whose stored hash still verifies the configured password keeps it (a new salt would be a change).
 * All trees of a document are validated before anything is written.
 *
 * <p>YAML and the admin API share a tree's versions. A YAML tree is compared with the version the import
 * itself last published, not with the latest one: while the YAML stays the same, a version an admin
 * published later stays in force across restarts; once the YAML definition changes, it is published as the
 * next version and wins.
 */
public final class RealmImportService {
    private final TreeValidator validator;
    private final TreeRepository trees;
    private final RealmConfigStore store;
    private final IdentityRepository identities;
    private final Argon2idPasswordHasher hasher;
    private final TotpSecretStore totpSecrets;

    public RealmImportService(TreeValidator validator, TreeRepository trees, RealmConfigStore store,
            IdentityRepository identities, Argon2idPasswordHasher hasher, TotpSecretStore totpSecrets) {
        this.totpSecrets = totpSecrets;
        this.validator = validator;
        this.trees = trees;
        this.store = store;
        this.identities = identities;
        this.hasher = hasher;
    }

    /** @return how many trees and users were written (0 when the document changed nothing) */
    public int importRealm(RealmConfig config) {
        validate(config);
        store.ensureRealm(config.realm());
        int written = 0;
        for (RealmConfig.TreeConfig tree : config.trees()) {
            written += importTree(config.realm(), tree);
        }
        for (RealmConfig.UserConfig user : config.users()) {
            written += importUser(config.realm(), user);
        }
        return written;
    }

    private void validate(RealmConfig config) {
        if (config.realm() == null || config.realm().isBlank()) {
            throw new TreeValidationException("realm document without 'realm'");
        }
        long defaults = config.trees().stream().filter(RealmConfig.TreeConfig::isDefault).count();
        if (defaults > 1) {
            throw new TreeValidationException("realm '" + config.realm() + "': more than one default tree");
        }
        for (RealmConfig.TreeConfig tree : config.trees()) {
            if (tree.name() == null || tree.name().isBlank()) {
                throw new TreeValidationException("realm '" + config.realm() + "': a tree without 'name'");
            }
            validator.validate(tree.name(), tree.definition());
        }
        for (RealmConfig.UserConfig user : config.users()) {
            if (user.username() == null || user.username().isBlank() || user.password() == null) {
                throw new IllegalArgumentException("realm '" + config.realm() + "': a user without username or password");
            }
            if (user.totpSecret() != null) {
                try {
                    TotpSecret.fromBase32(user.totpSecret());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("realm '" + config.realm() + "': user '" + user.username()
                            + "' totp.secret: " + e.getMessage());
                }
            }
        }
    }

    private int importTree(String realm, RealmConfig.TreeConfig tree) {
        Optional<StoredTree> latest = trees.findLatest(realm, tree.name());
        Optional<TreeDefinition> imported = store.lastImported(realm, tree.name());
        if (latest.isPresent() && imported.isPresent() && imported.get().equals(tree.definition())) {
            if (latest.get().isDefault() == tree.isDefault()) {
                return 0;
            }
            store.setDefault(realm, tree.name(), tree.isDefault());
            return 1;
        }
        store.publishTree(realm, tree.name(), tree.definition(), tree.isDefault());
        return 1;
    }

    private int importUser(String realm, RealmConfig.UserConfig user) {
        Optional<Identity> existing = identities.findByUsername(realm, user.username());
        int written = 1;
        if (existing.isPresent()) {
            Identity current = existing.get();
            boolean passwordSame = hasher.verify(current.passwordHash(), user.password());
            if (passwordSame && current.claims().equals(user.claims())) {
                written = 0;
            } else {
                String hash = passwordSame ? current.passwordHash() : hasher.hash(user.password());
                identities.save(new Identity(current.id(), realm, user.username(), hash, user.claims()));
            }
        } else {
            identities.save(new Identity(UUID.randomUUID(), realm, user.username(), hasher.hash(user.password()),
                    user.claims()));
        }
        return written + importTotpSecret(realm, user);
    }

    /** Enrols the YAML's TOTP secret unless the identity already holds exactly that one. */
    private int importTotpSecret(String realm, RealmConfig.UserConfig user) {
        if (user.totpSecret() == null) {
            return 0;
        }
        UUID id = identities.findByUsername(realm, user.username()).orElseThrow().id();
        TotpSecret secret = TotpSecret.fromBase32(user.totpSecret());
        if (totpSecrets.find(realm, id).filter(secret::sameAs).isPresent()) {
            return 0;
        }
        totpSecrets.save(realm, id, secret);
        return 1;
    }
}
