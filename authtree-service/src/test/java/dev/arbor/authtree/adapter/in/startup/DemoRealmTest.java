package dev.arbor.authtree.adapter.in.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.realm.RealmConfig;
import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.domain.tree.TreeValidator;
import dev.arbor.authtree.node.AccountLockout;
import dev.arbor.authtree.node.DataStoreDecision;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.PasswordCollector;
import dev.arbor.authtree.node.RememberedResultCheck;
import dev.arbor.authtree.node.TextOutput;
import dev.arbor.authtree.node.ScriptedDecision;
import dev.arbor.authtree.node.TotpCollector;
import dev.arbor.authtree.node.TotpDecision;
import dev.arbor.authtree.node.TotpRegistration;
import dev.arbor.authtree.node.UsernameCollector;
import dev.arbor.authtree.node.WebAuthnAuthentication;
import dev.arbor.authtree.node.WebAuthnRegistration;
import dev.arbor.contracts.realm.EnvSubstitution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local demo realm (deploy/local/realms/demo.yaml) imports: its trees validate and alice is TOTP-enrolled. */
class DemoRealmTest {
    @Test
    void demoTreesIncludingPasswordOtpAreValidAndAliceHasATotpSecret() throws Exception {
        RealmConfig demo = new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get))
                .read(Path.of("../deploy/local/realms/demo.yaml"));
        // validation only looks at outcomes, config and state keys: the nodes' collaborators are not needed
        TreeValidator validator = new TreeValidator(new NodeRegistry(List.of(new UsernameCollector(),
                new PasswordCollector(), new DataStoreDecision(null, null), new TotpCollector(),
                new TotpDecision(null, null), new TotpRegistration(null, null, null, null, null),
                new RememberedResultCheck(), new ScriptedDecision(null, List.of()),
                new WebAuthnRegistration(null, null, null), new WebAuthnAuthentication(null, null, null),
                new AccountLockout(null, null), new TextOutput())));

        for (RealmConfig.TreeConfig tree : demo.trees()) {
            assertEquals(List.of(), validator.problems(tree.name(), tree.definition()), tree.name());
        }
        assertTrue(demo.trees().stream().anyMatch(t -> t.name().equals("password-otp")));
        assertTrue(demo.trees().stream().anyMatch(t -> t.name().equals("password-otp-internal")));
        assertTrue(demo.trees().stream().anyMatch(t -> t.name().equals("passkey-register")));
        assertTrue(demo.trees().stream().anyMatch(t -> t.name().equals("passkey")));
        assertTrue(demo.trees().stream().anyMatch(t -> t.name().equals("password-lockout")));
        assertTrue(demo.users().stream().anyMatch(u -> u.username().equals("bob") && u.totpSecret() == null),
                "bob enrols on his first password-otp sign-in");
        RealmConfig.UserConfig alice = demo.users().stream().filter(u -> u.username().equals("alice")).findFirst()
                .orElseThrow();
        assertEquals(20, TotpSecret.fromBase32(alice.totpSecret()).bytes().length);
    }
}
