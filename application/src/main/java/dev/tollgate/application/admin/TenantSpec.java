package dev.tollgate.application.admin;

import java.util.List;
import java.util.Optional;

/**
 * What an administrator sends to create or change a tenant; absent fields keep their value or default.
 *
 * @param profile creation only: {@code standard} (24 h access tokens, refresh tokens until revoked) or
 *                {@code storefront} (seed 003: 899 s access tokens, 30-day refresh tokens)
 * @param defaultView the view of users without one of their own; an empty string removes it
 * @param implicitScope the scope of Moltin implicit tokens (seed 004), space-delimited; an empty string for none
 */
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
        Optional<Boolean> v0RotateRefreshTokens,
        Optional<String> profile,
        Optional<String> defaultView,
        Optional<String> implicitScope) {

    /** A spec that leaves the implicit scope as it is. */
    public TenantSpec(Optional<String> slug, Optional<String> displayName, Optional<List<String>> domains,
            Optional<Integer> accessTokenTtl, Optional<Integer> refreshTokenTtl, Optional<String> signingAlgorithm,
            Optional<Boolean> enabled, Optional<String> v0TenantClaim, Optional<String> v0RolesClaim,
            Optional<Boolean> v0RotateRefreshTokens, Optional<String> profile, Optional<String> defaultView) {
        this(slug, displayName, domains, accessTokenTtl, refreshTokenTtl, signingAlgorithm, enabled, v0TenantClaim,
                v0RolesClaim, v0RotateRefreshTokens, profile, defaultView, Optional.empty());
    }

    /** A spec that leaves the default view as it is. */
    public TenantSpec(Optional<String> slug, Optional<String> displayName, Optional<List<String>> domains,
            Optional<Integer> accessTokenTtl, Optional<Integer> refreshTokenTtl, Optional<String> signingAlgorithm,
            Optional<Boolean> enabled, Optional<String> v0TenantClaim, Optional<String> v0RolesClaim,
            Optional<Boolean> v0RotateRefreshTokens, Optional<String> profile) {
        this(slug, displayName, domains, accessTokenTtl, refreshTokenTtl, signingAlgorithm, enabled, v0TenantClaim,
                v0RolesClaim, v0RotateRefreshTokens, profile, Optional.empty(), Optional.empty());
    }

    /** A spec without a creation profile. */
    public TenantSpec(Optional<String> slug, Optional<String> displayName, Optional<List<String>> domains,
            Optional<Integer> accessTokenTtl, Optional<Integer> refreshTokenTtl, Optional<String> signingAlgorithm,
            Optional<Boolean> enabled, Optional<String> v0TenantClaim, Optional<String> v0RolesClaim,
            Optional<Boolean> v0RotateRefreshTokens) {
        this(slug, displayName, domains, accessTokenTtl, refreshTokenTtl, signingAlgorithm, enabled, v0TenantClaim,
                v0RolesClaim, v0RotateRefreshTokens, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
