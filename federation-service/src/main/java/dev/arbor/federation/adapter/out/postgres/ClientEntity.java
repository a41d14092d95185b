package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.domain.AuthorizationPolicy;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ResponseMode;
import dev.arbor.federation.domain.ClientAuthentication;
import dev.arbor.federation.domain.ClientLogout;
import dev.arbor.federation.domain.TokenEndpointAuthMethod;
import dev.arbor.federation.domain.ClientType;
import dev.arbor.federation.domain.RefreshTokenLifetimes;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Row of {@code federation.client}. */
@Entity
@Table(name = "client")
public class ClientEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String realm;

    @Column(name = "client_id")
    public String clientId;

    public String name;

    public String type;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "redirect_uris", columnDefinition = "text[]")
    public String[] redirectUris;

    @Column(name = "grant_types", columnDefinition = "text[]")
    public String[] grantTypes;

    @Column(columnDefinition = "text[]")
    public String[] scopes;

    @Column(name = "refresh_token_idle_lifetime_seconds")
    public Long refreshTokenIdleLifetimeSeconds;

    @Column(name = "refresh_token_absolute_lifetime_seconds")
    public Long refreshTokenAbsoluteLifetimeSeconds;

    @Column(name = "token_endpoint_auth_method")
    public String tokenEndpointAuthMethod;

    public String jwks;

    /** The client's own JWS alg for its tokens; NULL: its realm's default. */
    @Column(name = "token_signing_alg")
    public String tokenSigningAlg;

    /** The response modes the client may use; NULL: all. */
    @Column(name = "response_modes", columnDefinition = "text[]")
    public String[] responseModes;

    @Column(name = "require_pushed_authorization_requests")
    public boolean requirePushedAuthorizationRequests;

    /** The user must consent to the scopes (V8, docs/guides/consent.md). */
    @Column(name = "consent_required")
    public boolean consentRequired;

    /** RP-Initiated Logout 1.0 §3.1; Front-Channel Logout 1.0 §2; Back-Channel Logout 1.0 §2.2 (V5). */
    @Column(name = "post_logout_redirect_uris", columnDefinition = "text[]")
    public String[] postLogoutRedirectUris;

    @Column(name = "frontchannel_logout_uri")
    public String frontchannelLogoutUri;

    @Column(name = "frontchannel_logout_session_required")
    public boolean frontchannelLogoutSessionRequired;

    @Column(name = "backchannel_logout_uri")
    public String backchannelLogoutUri;

    @Column(name = "backchannel_logout_session_required")
    public boolean backchannelLogoutSessionRequired;

    /** Read-only: the client's alg, else its realm's default, resolved in the same SELECT. */
    @Formula("coalesce(token_signing_alg, (select r.token_signing_alg from federation.realm r where r.name = realm))")
    public String effectiveTokenSigningAlg;

    Client toDomain() {
        return new Client(realm, clientId, name, ClientType.of(type), Optional.ofNullable(secretHash),
                list(redirectUris), list(grantTypes), list(scopes),
                new RefreshTokenLifetimes(duration(refreshTokenIdleLifetimeSeconds),
                        duration(refreshTokenAbsoluteLifetimeSeconds)),
                new ClientAuthentication(TokenEndpointAuthMethod.of(tokenEndpointAuthMethod), Optional.ofNullable(jwks)),
                effectiveTokenSigningAlg,
                new AuthorizationPolicy(AuthorizationPolicy.modes(list(responseModes)), requirePushedAuthorizationRequests,
                        consentRequired))
                .withLogout(logout());
    }

    private ClientLogout logout() {
        return new ClientLogout(list(postLogoutRedirectUris), Optional.ofNullable(frontchannelLogoutUri),
                frontchannelLogoutSessionRequired, Optional.ofNullable(backchannelLogoutUri),
                backchannelLogoutSessionRequired);
    }

    /** Copies the client's values; Hibernate writes nothing when they are unchanged. */
    void assign(Client c) {
        realm = c.realm();
        clientId = c.clientId();
        name = c.name();
        type = c.type().value();
        secretHash = c.secretHash().orElse(null);
        redirectUris = replaceIfChanged(redirectUris, c.redirectUris());
        grantTypes = replaceIfChanged(grantTypes, c.grantTypes());
        scopes = replaceIfChanged(scopes, c.scopes());
        refreshTokenIdleLifetimeSeconds = seconds(c.refreshTokenLifetimes().idle());
        refreshTokenAbsoluteLifetimeSeconds = seconds(c.refreshTokenLifetimes().absolute());
        tokenEndpointAuthMethod = c.tokenEndpointAuthMethod().value();
        jwks = c.authentication().jwks().orElse(null);
        tokenSigningAlg = c.tokenSigningAlg();
        postLogoutRedirectUris = replaceIfChanged(postLogoutRedirectUris, c.logout().postLogoutRedirectUris());
        frontchannelLogoutUri = c.logout().frontchannelLogoutUri().orElse(null);
        frontchannelLogoutSessionRequired = c.logout().frontchannelLogoutSessionRequired();
        backchannelLogoutUri = c.logout().backchannelLogoutUri().orElse(null);
        backchannelLogoutSessionRequired = c.logout().backchannelLogoutSessionRequired();
        List<String> modes = c.authorizationPolicy().responseModeNames();
        responseModes = modes.size() == ResponseMode.ALL.size() ? null : replaceIfChanged(responseModes, modes);
        requirePushedAuthorizationRequests = c.authorizationPolicy().requirePushedAuthorizationRequests();
        consentRequired = c.authorizationPolicy().consentRequired();
    }

    private static String[] replaceIfChanged(String[] current, List<String> next) {
        String[] candidate = next.toArray(String[]::new);
        return Arrays.equals(current, candidate) ? current : candidate;
    }

    private static Optional<Duration> duration(Long seconds) {
        return Optional.ofNullable(seconds).map(Duration::ofSeconds);
    }

    private static Long seconds(Optional<Duration> duration) {
        return duration.map(Duration::toSeconds).orElse(null);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
