package dev.tollgate.application.deprecation;

import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.tenant.Tenant;
import java.util.List;

/** The policies a tenant lives under, each with where it comes from and what it decides right now. */
public record TenantDeprecations(Tenant tenant, List<Surface> surfaces) {

    public record Surface(DeprecationPolicy policy, boolean overridden, DeprecationDecision now) {
    }

    public TenantDeprecations {
        surfaces = List.copyOf(surfaces);
    }
}
