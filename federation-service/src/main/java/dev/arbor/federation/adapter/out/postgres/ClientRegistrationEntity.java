package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.domain.ApplicationType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code federation.client_registration} (V7): what RFC 7592 needs of a self-registered client. */
@Entity
@Table(name = "client_registration")
public class ClientRegistrationEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String realm;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "application_type")
    public String applicationType;

    @Column(name = "registration_access_token_hash")
    public String registrationAccessTokenHash;

    @Column(name = "issued_at")
    public Instant issuedAt;

    ApplicationType type() {
        return ApplicationType.of(applicationType);
    }
}
