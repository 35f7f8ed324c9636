package dev.tollgate.adapters.persistence.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant")
public class TenantEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String issuer;

    public String audience;

    @Column(name = "access_token_ttl_seconds", nullable = false)
    public int accessTokenTtlSeconds;

    @Column(name = "refresh_token_ttl_seconds", nullable = false)
    public int refreshTokenTtlSeconds;

    @Column(name = "signing_algorithm", nullable = false)
    public String signingAlgorithm;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "v0_tenant_claim", nullable = false)
    public String v0TenantClaim;

    @Column(name = "v0_roles_claim", nullable = false)
    public String v0RolesClaim;

    @Column(name = "v0_rotate_refresh_tokens", nullable = false)
    public boolean v0RotateRefreshTokens;

    /** The view of users without one of their own (seed 003 §3); null for none. */
    @Column(name = "default_view")
    public String defaultView;

    /** The scope of Moltin implicit tokens (seed 004), space-delimited. */
    @Column(name = "implicit_scope", nullable = false)
    public String implicitScope;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
