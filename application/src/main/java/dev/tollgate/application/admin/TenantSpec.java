package dev.tollgate.application.admin;

import java.util.List;
import java.util.Optional;

/** What an administrator sends to create or change a tenant; absent fields keep their value or default. */
public record TenantSpec(
        Optional<String> slug,
        Optional<String> displayName,
        Optional<List<String>> domains,
        Optional<Integer> accessTokenTtl,
        Optional<Integer> refreshTokenTtl,
        Optional<String> signingAlgorithm,
        Optional<Boolean> enabled,
        Optional<String> v0TenantClaim,
        Optional<String> v0RolesClaim,
        Optional<Boolean> v0RotateRefreshTokens) {
}
