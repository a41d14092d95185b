package dev.arbor.federation.support;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.federation.port.ServiceProviderRegistry;
import dev.arbor.federation.protocol.saml2.SamlTestKeys;
import dev.arbor.federation.protocol.saml2.TestServiceProviders;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** Test-only SAML ports: the fixture SPs of realm demo and a fixed IdP key (the real ones are PostgreSQL-backed). */
public final class TestSamlBeans {
    private TestSamlBeans() {
    }

    /** SPs of realm demo that tests register besides (or instead of) the fixture SP, by entityID. */
    public static final Map<String, ServiceProvider> REGISTERED = new ConcurrentHashMap<>();

    @Alternative
    @ApplicationScoped
    public static class Registry implements ServiceProviderRegistry {
        @Override
        public Uni<Optional<ServiceProvider>> find(String realm, String entityId) {
            return Uni.createFrom().item(all().stream()
                    .filter(sp -> realm.equals(sp.realm()) && entityId.equals(sp.entityId())).findFirst());
        }

        @Override
        public Uni<List<ServiceProvider>> list(String realm) {
            return Uni.createFrom().item(all().stream().filter(sp -> realm.equals(sp.realm())).toList());
        }

        /** The fixture SPs, each replaced by a test's registration under the same entityID, then the other registrations. */
        private static List<ServiceProvider> all() {
            Map<String, ServiceProvider> byEntityId = new java.util.LinkedHashMap<>();
            for (ServiceProvider sp : List.of(TestServiceProviders.sp(), TestServiceProviders.idpInitiatedSp())) {
                byEntityId.put(sp.entityId(), sp);
            }
            byEntityId.putAll(REGISTERED);
            return List.copyOf(byEntityId.values());
        }

        @Override
        public Uni<Void> save(ServiceProvider serviceProvider) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Boolean> delete(String realm, String entityId) {
            return Uni.createFrom().item(false);
        }
    }

    @Alternative
    @ApplicationScoped
    public static class Credentials implements SamlCredentials {
        @Override
        public Uni<SamlKeyPair> signing(String realm) {
            return Uni.createFrom().item(SamlTestKeys.IDP_SIGNING);
        }

        @Override
        public Uni<SamlKeyPair> encryption(String realm) {
            return signing(realm);
        }

        @Override
        public Uni<List<SamlKeyPair>> publishedSigning(String realm) {
            return signing(realm).map(List::of);
        }
    }

    /**
     * Enables the two beans above for the tests that run under it (SamlSsoTest, SamlIdpInitiatedSsoTest), instead of the PostgreSQL
     * registry and key store every other test uses.
     */
    public static class Profile implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Set<Class<?>> getEnabledAlternatives() {
            return java.util.Set.of(Registry.class, Credentials.class);
        }
    }
}
