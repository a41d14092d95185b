package dev.arbor.token.config;

import dev.arbor.token.domain.code.AuthorizationCodeService;
import dev.arbor.token.domain.refresh.RefreshTokenLifetimes;
import dev.arbor.token.domain.refresh.RefreshTokenService;
import dev.arbor.token.domain.refresh.SessionEndRevocation;
import dev.arbor.token.domain.key.KeyLifecycle;
import dev.arbor.token.domain.logout.LogoutTokenIssuer;
import dev.arbor.token.domain.key.KeyRotation;
import dev.arbor.token.domain.key.SigningKeyService;
import dev.arbor.token.domain.revocation.RevocationService;
import dev.arbor.token.domain.token.ClientCredentialsGrant;
import dev.arbor.token.domain.token.TokenIssuer;
import dev.arbor.token.domain.token.TokenLifetimes;
import dev.arbor.token.port.AuthorizationCodeStore;
import dev.arbor.token.port.JwtSigner;
import dev.arbor.token.port.KeyMaterial;
import dev.arbor.token.port.RefreshTokenRepository;
import dev.arbor.token.port.RevocationPublisher;
import dev.arbor.token.port.RevocationStore;
import dev.arbor.token.port.SessionRefreshFamilies;
import dev.arbor.token.port.SigningKeyRepository;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the framework-free domain services to their adapters and typed configuration. */
public class DomainBeans {
    private static final String SIGNING = "arbor-signing";

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Produces
    @Singleton
    SigningKeyService signingKeyService(SigningKeyRepository repository, KeyMaterial keyMaterial, ArborConfig config,
            Clock clock) {
        ArborConfig.Keys keys = config.keys();
        KeyLifecycle lifecycle = new KeyLifecycle(keys.publishAhead(),
                keys.longestTokenLifetime().plus(keys.clockSkew()), keys.reloadInterval());
        return new SigningKeyService(repository, keyMaterial, lifecycle, clock);
    }

    @Produces
    @Singleton
    KeyRotation keyRotation(SigningKeyService keys, SigningKeyRepository repository, KeyMaterial keyMaterial,
            Clock clock) {
        return new KeyRotation(keys, repository, keyMaterial, clock);
    }

    /** One thread per core for the signatures (CPU only, never blocks): see {@link TokenIssuer}. */
    @Produces
    @Singleton
    @Named(SIGNING)
    ExecutorService signingExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "arbor-signing-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void closeSigningExecutor(@Disposes @Named(SIGNING) ExecutorService executor) {
        executor.shutdown();
    }

    @Produces
    @Singleton
    TokenIssuer tokenIssuer(SigningKeyService signingKeys, JwtSigner signer, ArborConfig config, Clock clock,
            SecureRandom random, @Named(SIGNING) ExecutorService signingExecutor) {
        ArborConfig.Token token = config.token();
        return new TokenIssuer(signingKeys, signer,
                new TokenLifetimes(token.accessTokenLifetime(), token.idTokenLifetime(),
                        config.keys().longestTokenLifetime()), clock, random, signingExecutor);
    }

    @Produces
    @Singleton
    LogoutTokenIssuer logoutTokenIssuer(SigningKeyService signingKeys, JwtSigner signer, ArborConfig config,
            Clock clock, SecureRandom random, @Named(SIGNING) ExecutorService signingExecutor) {
        return new LogoutTokenIssuer(signingKeys, signer, config.publicUrl(), config.token().logoutTokenLifetime(),
                clock, random, signingExecutor);
    }

    @Produces
    @Singleton
    AuthorizationCodeService authorizationCodeService(AuthorizationCodeStore store, TokenIssuer issuer,
            ArborConfig config, SecureRandom random, RevocationService revocations, Clock clock,
            RefreshTokenService refreshTokens) {
        return new AuthorizationCodeService(store, issuer, config.token().authorizationCodeLifetime(), random,
                revocations, clock, refreshTokens);
    }

    @Produces
    @Singleton
    RefreshTokenService refreshTokenService(RefreshTokenRepository repository, TokenIssuer issuer,
            RevocationService revocations, ArborConfig config, SecureRandom random, Clock clock) {
        var lifetimes = new RefreshTokenLifetimes(config.token().refreshTokenIdleLifetime(),
                config.token().refreshTokenAbsoluteLifetime());
        return new RefreshTokenService(repository, issuer, revocations, lifetimes, random, clock);
    }

    @Produces
    @Singleton
    SessionEndRevocation sessionEndRevocation(SessionRefreshFamilies families, RefreshTokenService refreshTokens) {
        return new SessionEndRevocation(families, refreshTokens);
    }

    @Produces
    @Singleton
    RevocationService revocationService(RevocationStore store, RevocationPublisher publisher, Clock clock) {
        return new RevocationService(store, publisher, clock);
    }

    @Produces
    @Singleton
    ClientCredentialsGrant clientCredentialsGrant(TokenIssuer issuer) {
        return new ClientCredentialsGrant(issuer);
    }
}
