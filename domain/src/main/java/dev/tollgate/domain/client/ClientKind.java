package dev.tollgate.domain.client;

import java.util.Objects;

/**
 * Who a client acts for (seed 003): a tenant-scoped client acts on behalf of any user of the tenant, a
 * user-scoped client always acts as its owner.
 */
public sealed interface ClientKind permits ClientKind.TenantScoped, ClientKind.UserScoped {

    record TenantScoped() implements ClientKind {
    }

    record UserScoped(String ownerUserId) implements ClientKind {
        public UserScoped {
            Objects.requireNonNull(ownerUserId, "ownerUserId");
        }
    }

    static ClientKind tenantScoped() {
        return new TenantScoped();
    }

    default String wireName() {
        return switch (this) {
            case TenantScoped t -> "tenant";
            case UserScoped u -> "user";
        };
    }
}
