package dev.tollgate.application.deprecation;

import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import java.util.Map;

/** The service-wide deprecation policies, from configuration; a tenant's overrides replace them surface by surface. */
public record DefaultDeprecations(Map<LegacySurface, DeprecationPolicy> policies) {

    public DefaultDeprecations {
        policies = Map.copyOf(policies);
    }
}
