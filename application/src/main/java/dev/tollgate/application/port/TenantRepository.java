package dev.tollgate.application.port;

import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: where tenants live. */
public interface TenantRepository {

    Optional<Tenant> findBySlug(TenantSlug slug);

    /** The tenant that owns a host name (case-insensitive, without port). */
    Optional<Tenant> findByDomain(String host);

    /** Stores a new tenant; when one with the same slug exists already (another replica won), returns that one. */
    Tenant createIfAbsent(Tenant tenant);

    /** Tenants ordered by slug; at most {@code limit} from {@code offset}. */
    List<Tenant> list(int offset, int limit);

    /** The first of {@code domains} that routes to a tenant other than {@code tenantId}. */
    Optional<String> domainTakenByAnother(List<String> domains, UUID tenantId);

    /** Replaces the tenant's settings and domains; false when it does not exist. */
    boolean update(Tenant tenant);

    /** Deletes the tenant with its clients, secrets and keys; false when it does not exist. */
    boolean delete(UUID tenantId);
}
