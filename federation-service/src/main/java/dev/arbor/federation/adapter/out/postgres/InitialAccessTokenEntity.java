package dev.arbor.federation.adapter.out.postgres;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code federation.initial_access_token} (V7); the token itself is never stored. */
@Entity
@Table(name = "initial_access_token")
public class InitialAccessTokenEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String realm;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "max_uses")
    public int maxUses;

    public int uses;
}
