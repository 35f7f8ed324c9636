package dev.tollgate.adapters.persistence.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The digest of a client secret; the plain secret is never stored. Clients allowed the JWT bearer grant also keep
 * the secret sealed with the master key, which only the crypto adapter can open.
 */
@Entity
@Table(name = "client_secret")
public class ClientSecretEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_pk", nullable = false)
    public UUID clientPk;

    @Column(nullable = false)
    public String digest;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "not_after")
    public Instant notAfter;

    @Column(name = "sealed_secret")
    public String sealedSecret;
}
