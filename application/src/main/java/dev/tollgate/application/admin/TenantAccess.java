package dev.tollgate.application.admin;

import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The tenant an admin request is about, if the caller may act on it with the given scope. */
@Singleton
public class TenantAccess {

    private final TenantDirectory tenants;

    @Inject
    public TenantAccess(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public AdminResult<Tenant> resolve(AdminCaller caller, String tenantSlug, String scope) {
        return switch (tenants.bySlug(tenantSlug)) {
            case Outcome.Success<Tenant> found -> caller.authorize(scope, found.value());
            // whether another tenant exists is not told to a caller who may not see it
            case Outcome.Failure<Tenant> missing -> caller.isAdminTenant()
                    ? AdminResult.refused(new AdminError.NotFound("Unknown tenant " + tenantSlug))
                    : AdminResult.refused(new AdminError.Forbidden("The token may not manage another tenant"));
        };
    }
}
