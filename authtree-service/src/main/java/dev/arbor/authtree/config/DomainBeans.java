package dev.arbor.authtree.config;

import dev.arbor.authtree.domain.identity.Argon2idPasswordHasher;
import dev.arbor.authtree.domain.journey.JourneyService;
import dev.arbor.authtree.domain.journey.JourneySettings;
import dev.arbor.authtree.domain.journey.TreeRunner;
import dev.arbor.authtree.domain.realm.RealmImportService;
import dev.arbor.authtree.domain.totp.TotpVerifier;
import dev.arbor.authtree.domain.tree.TreeAdminService;
import dev.arbor.authtree.domain.tree.TreeValidator;
import dev.arbor.authtree.node.AccountLockout;
import dev.arbor.authtree.node.ChoiceCollector;
import dev.arbor.authtree.node.Cidr;
import dev.arbor.authtree.node.DataStoreDecision;
import dev.arbor.authtree.node.InnerTree;
import dev.arbor.authtree.node.Redirect;
import dev.arbor.authtree.node.InnerTreeExit;
import dev.arbor.authtree.node.IpRangeDecision;
import dev.arbor.authtree.node.Node;
import dev.arbor.authtree.node.Page;
import dev.arbor.authtree.node.RememberedResultCheck;
import dev.arbor.authtree.node.RetryLimitDecision;
import dev.arbor.authtree.node.SetSessionProperties;
import dev.arbor.authtree.node.TextOutput;
import dev.arbor.authtree.node.TimeWindowDecision;
import dev.arbor.authtree.node.TotpCollector;
import dev.arbor.authtree.node.TotpDecision;
import dev.arbor.authtree.node.TotpRegistration;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.PasswordCollector;
import dev.arbor.authtree.node.RecoveryCodeDecision;
import dev.arbor.authtree.node.RecoveryCodeRegistration;
import dev.arbor.authtree.node.ScriptedDecision;
import dev.arbor.authtree.node.TermsAcceptance;
import dev.arbor.authtree.node.UsernameCollector;
import dev.arbor.authtree.node.WebAuthnAuthentication;
import dev.arbor.authtree.node.WebAuthnRegistration;
import dev.arbor.authtree.port.AuthIdCodec;
import dev.arbor.authtree.domain.memory.RememberedResultLoader;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.JourneyEventPublisher;
import dev.arbor.authtree.port.NodeResultSealer;
import dev.arbor.authtree.port.JourneyStore;
import dev.arbor.authtree.port.LockoutStore;
import dev.arbor.authtree.port.LoginFlowGateway;
import dev.arbor.authtree.port.RealmConfigStore;
import dev.arbor.authtree.port.SessionGateway;
import dev.arbor.authtree.port.TreeRepository;
import dev.arbor.authtree.port.QrCodeRenderer;
import dev.arbor.authtree.port.SecretSealer;
import dev.arbor.authtree.port.TotpReplayGuard;
import dev.arbor.authtree.port.TotpSecretStore;
import dev.arbor.authtree.port.TreeDraftStore;
import dev.arbor.authtree.port.RecoveryCodeHasher;
import dev.arbor.authtree.port.RecoveryCodeStore;
import dev.arbor.authtree.port.ScriptRunnerGateway;
import dev.arbor.authtree.port.TermsAcceptanceStore;
import dev.arbor.authtree.port.WebAuthnRelyingParty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wires the framework-free domain classes as CDI beans. */
public class DomainBeans {

    /** The system clock; a test may replace it (lockout expiry is tested by advancing a clock, not sleeping). */
    @Produces
    @Singleton
    @io.quarkus.arc.DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Argon2idPasswordHasher hasher() {
        return new Argon2idPasswordHasher(new SecureRandom());
    }

    @Produces
    @Singleton
    TotpVerifier totpVerifier(Clock clock, TotpReplayGuard replays) {
        return new TotpVerifier(clock, replays);
    }

    @Produces
    @Singleton
    NodeRegistry nodes(IdentityRepository identities, Argon2idPasswordHasher hasher, LockoutStore lockouts,
            Clock clock, TotpSecretStore totpSecrets, TotpVerifier totp, SecretSealer sealer, QrCodeRenderer qr,
            ArborConfig config, ScriptRunnerGateway scripts, RecoveryCodeStore recoveryCodes,
            RecoveryCodeHasher recoveryCodeHasher, TermsAcceptanceStore terms, WebAuthnRelyingParty webAuthn) {
        List<Cidr> trustedProxies = trustedProxies(config);
        List<Node> pageable = List.of(new UsernameCollector(), new PasswordCollector(), new TotpCollector());
        List<Node> nodes = new ArrayList<>(pageable);
        nodes.addAll(List.of(new Page(pageable), new ChoiceCollector(), new DataStoreDecision(identities, hasher),
                new RetryLimitDecision(), new TextOutput(), new AccountLockout(lockouts, clock),
                new TotpDecision(totpSecrets, totp),
                new TotpRegistration(totpSecrets, totp, sealer, qr, new SecureRandom()),
                new IpRangeDecision(trustedProxies), new TimeWindowDecision(clock),
                new RememberedResultCheck(), new SetSessionProperties()));
        nodes.addAll(List.of(new ScriptedDecision(scripts, trustedProxies),
                new RecoveryCodeRegistration(recoveryCodes, recoveryCodeHasher, new SecureRandom()),
                new RecoveryCodeDecision(recoveryCodes, recoveryCodeHasher), new TermsAcceptance(terms, clock),
                new WebAuthnRegistration(identities, webAuthn, clock),
                new WebAuthnAuthentication(identities, webAuthn, clock), new InnerTree(), new InnerTreeExit(), new Redirect()));
        return new NodeRegistry(nodes);
    }

    /** {@code arbor.authtree.trusted-proxies} parsed; a bad entry fails start-up with the entry named. */
    static List<Cidr> trustedProxies(ArborConfig config) {
        try {
            return Cidr.parseAll(config.authtree().trustedProxies().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("arbor.authtree.trusted-proxies: " + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    TreeValidator treeValidator(NodeRegistry nodes) {
        return new TreeValidator(nodes);
    }

    @Produces
    @Singleton
    RealmImportService realmImport(TreeValidator validator, TreeRepository trees, RealmConfigStore store,
            IdentityRepository identities, Argon2idPasswordHasher hasher, TotpSecretStore totpSecrets) {
        return new RealmImportService(validator, trees, store, identities, hasher, totpSecrets);
    }

    @Produces
    @Singleton
    TreeAdminService treeAdmin(TreeRepository trees, TreeDraftStore drafts, TreeValidator validator) {
        return new TreeAdminService(trees, drafts, validator);
    }

    @Produces
    @Singleton
    JourneySettings journeySettings(ArborConfig config) {
        String base = config.publicUrl().endsWith("/") ? config.publicUrl() : config.publicUrl() + "/";
        return new JourneySettings(config.authtree().journeyTtl(), config.authtree().sessionTtl(),
                config.authtree().maxSteps(), base + "ui/", List.of("pwd"));
    }

    @Produces
    @Singleton
    JourneyService journeys(TreeRepository trees, LoginFlowGateway flows, JourneyStore store, AuthIdCodec authIds,
            NodeRegistry nodes, SessionGateway sessions, NodeResultSealer sealer, JourneyEventPublisher events,
            JourneySettings settings, Clock clock) {
        TreeRunner runner = new TreeRunner(nodes, store, sessions, sealer, authIds, settings, events, clock);
        return new JourneyService(trees, flows, store, authIds, runner,
                new RememberedResultLoader(sessions, sealer, clock));
    }
}
