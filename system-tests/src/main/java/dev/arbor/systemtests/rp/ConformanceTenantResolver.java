package dev.arbor.systemtests.rp;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Tenant {@code conformance} for {@code /rp/full/*}: the client {@link ConformanceRp} names, code flow
 * with PKCE and nonce, UserInfo required (OIDC Core §5.3), tokens refreshed whenever they expire within
 * an hour (so on every request: Arbor's access and ID tokens live minutes; RFC 6749 §6), and
 * RP-initiated logout at {@code /rp/full/logout} coming back to {@code /rp/full/bye}. Every other path
 * keeps the default tenant of application.properties.
 */
@ApplicationScoped
public class ConformanceTenantResolver implements TenantConfigResolver {
    static final String TENANT = "conformance";

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        if (!context.request().path().startsWith("/rp/full/") || ConformanceRp.clientId() == null) {
            return null;
        }
        return Uni.createFrom().item(OidcTenantConfig.authServerUrl("http://localhost:8080/realms/demo")
                .tenantId(TENANT + "-" + ConformanceRp.clientId())
                .applicationType(ApplicationType.WEB_APP)
                .clientId(ConformanceRp.clientId())
                .credentials().clientSecret(ConformanceRp.clientSecret(), Method.BASIC).end()
                .authentication()
                    .scopes(List.of("profile", "email"))
                    .pkceRequired()
                    .nonceRequired()
                    .userInfoRequired()
                    .stateSecret("system-tests-conformance-state-key-0123456789")
                    .end()
                .token()
                    .refreshExpired()
                    .refreshTokenTimeSkew(Duration.ofHours(1))
                    .end()
                .logout()
                    .path("/rp/full/logout")
                    .postLogoutPath("/rp/full/bye")
                    .end()
                .build());
    }
}
