package dev.tollgate.domain.user;

import dev.tollgate.domain.tenant.View;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A resource owner of one tenant: who the password, authorization code and JWT-bearer grants act for.
 *
 * @param view the storefront view of this user; when absent the tenant's default view applies
 */
public record User(
        UUID id, UUID tenantId, String email, String username, String name, List<String> roles, boolean enabled,
        Optional<View> view) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        roles = List.copyOf(roles);
        Objects.requireNonNull(view, "view");
    }

    /** A user without a view of their own. */
    public User(UUID id, UUID tenantId, String email, String username, String name, List<String> roles,
            boolean enabled) {
        this(id, tenantId, email, username, name, roles, enabled, Optional.empty());
    }
}
