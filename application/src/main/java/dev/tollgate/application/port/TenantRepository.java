package dev.tollgate.application.port;

import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import java.util.Optional;

/** Outbound port: where tenants live. */
public interface TenantRepository {

    Optional<Tenant> findBySlug(TenantSlug slug);

    /** The tenant that owns a host name (case-insensitive, without port). */
    Optional<Tenant> findByDomain(String host);

    /** Stores a new tenant; when one with the same slug exists already (another replica won), returns that one. */
    Tenant createIfAbsent(Tenant tenant);
}
