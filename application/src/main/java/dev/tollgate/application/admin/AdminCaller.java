package dev.tollgate.application.admin;

import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import java.util.Objects;

/**
 * Who calls the admin API, from a verified bearer token: the tenant that issued it, the subject, its scopes. A
 * caller manages its own tenant; callers of the {@code admin} tenant (like Keycloak's master realm) manage every
 * tenant.
 */
public record AdminCaller(Tenant tenant, String subject, Scope scopes) {

    public static final String ADMIN_TENANT = "admin";
    public static final String TENANTS_MANAGE = "tenants:manage";
    public static final String CLIENTS_MANAGE = "clients:manage";
    public static final String USERS_MANAGE = "users:manage";
    public static final String KEYS_MANAGE = "keys:manage";
    public static final String DEPRECATIONS_MANAGE = "deprecations:manage";

    public AdminCaller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scopes, "scopes");
    }

    public boolean isAdminTenant() {
        return tenant.slug().value().equals(ADMIN_TENANT);
    }

    /** Whether this caller may use {@code scope} on {@code target}. */
    public AdminResult<Tenant> authorize(String scope, Tenant target) {
        if (!scopes.tokens().contains(scope)) {
            return AdminResult.refused(new AdminError.Forbidden("The token lacks the scope " + scope));
        }
        if (!isAdminTenant() && !tenant.id().equals(target.id())) {
            return AdminResult.refused(new AdminError.Forbidden("The token may not manage another tenant"));
        }
        return AdminResult.done(target);
    }

    /** The actor recorded in the audit log. */
    public String actor() {
        return tenant.slug().value() + "/" + subject;
    }
}
