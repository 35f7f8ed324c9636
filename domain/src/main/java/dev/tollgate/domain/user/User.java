package dev.tollgate.domain.user;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A resource owner of one tenant: who the password, authorization code and JWT-bearer grants act for. */
public record User(
        UUID id, UUID tenantId, String email, String username, String name, List<String> roles, boolean enabled) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        roles = List.copyOf(roles);
    }
}
