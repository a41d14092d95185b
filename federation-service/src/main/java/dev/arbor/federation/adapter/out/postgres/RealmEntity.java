package dev.arbor.federation.adapter.out.postgres;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
