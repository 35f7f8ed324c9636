package dev.tollgate.application.port;

import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Outbound port: the deprecation policies a tenant has instead of the service-wide ones. */
public interface DeprecationOverrideRepository {

    Map<LegacySurface, DeprecationPolicy> find(UUID tenantId);

    /** The tenant's overrides become exactly {@code policies}. */
    void replace(UUID tenantId, Collection<DeprecationPolicy> policies);
}
