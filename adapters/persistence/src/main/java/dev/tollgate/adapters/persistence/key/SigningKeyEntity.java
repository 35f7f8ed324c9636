package dev.tollgate.adapters.persistence.key;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant's signing key; the private half is sealed with the master key before it gets here. */
@Entity
@Table(name = "signing_key")
public class SigningKeyEntity extends PanacheEntityBase {

    @Id
    public String kid;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String algorithm;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "sealed_private_key", nullable = false)
    public byte[] sealedPrivateKey;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retire_after")
    public Instant retireAfter;
}
