package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.domain.RegistrationMode;
import dev.arbor.federation.domain.RegistrationPolicy;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** Row of {@code federation.realm}. */
@Entity
@Table(name = "realm")
public class RealmEntity extends PanacheEntityBase {
    @Id
    public String name;

    @Column(name = "display_name")
    public String displayName;

    /** The realm's default JWS alg for tokens; NULL: token-service's default (RS256). */
    @Column(name = "token_signing_alg")
    public String tokenSigningAlg;

    /** Dynamic client registration (V7): closed, initial-access-token or open. */
    @Column(name = "registration_mode")
    public String registrationMode;

    /** The scopes a dynamically registered client may have. */
    @Column(name = "registration_scopes", columnDefinition = "text[]")
    public String[] registrationScopes;

    /** The grant types a dynamically registered client may have. */
    @Column(name = "registration_grant_types", columnDefinition = "text[]")
    public String[] registrationGrantTypes;

    RegistrationPolicy registrationPolicy() {
        return new RegistrationPolicy(RegistrationMode.of(registrationMode), List.of(registrationScopes),
                List.of(registrationGrantTypes));
    }

    /** Copies the policy; Hibernate writes nothing when it is unchanged. */
    void assign(RegistrationPolicy policy) {
        registrationMode = policy.mode().value();
        registrationScopes = replaceIfChanged(registrationScopes, policy.scopes());
        registrationGrantTypes = replaceIfChanged(registrationGrantTypes, policy.grantTypes());
    }

    private static String[] replaceIfChanged(String[] current, List<String> next) {
        String[] candidate = next.toArray(String[]::new);
        return Arrays.equals(current, candidate) ? current : candidate;
    }
}
