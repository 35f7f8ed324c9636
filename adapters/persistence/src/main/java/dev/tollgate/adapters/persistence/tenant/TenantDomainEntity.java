package dev.tollgate.adapters.persistence.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "tenant_domain")
public class TenantDomainEntity extends PanacheEntityBase {

    @Id
    public String domain;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
}
