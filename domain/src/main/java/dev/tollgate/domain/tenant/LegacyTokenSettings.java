package dev.tollgate.domain.tenant;

import java.util.Objects;
import java.util.Set;

/**
 * How a tenant's tokens from the legacy Token API v0 look and behave: the namespaced claim names that carry the
 * tenant and the user's roles (seed 001's sample token uses {@code http://newstore/newstore_id} and
 * {@code http://newstore/roles}), and whether a refresh returns a new refresh token. v0 callers were given the same
 * refresh token back (the seed samples), so rotation is off unless the tenant turns it on.
 */
public record LegacyTokenSettings(String tenantClaim, String rolesClaim, boolean rotateRefreshTokens) {

    /** Claims Tollgate sets itself; a namespaced claim must not overwrite them. */
    public static final Set<String> RESERVED = Set.of(
            "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp", "client_id", "scope", "tenant", "gty", "typ");

    public static final int MAX_CLAIM_LENGTH = 200;

    // after RESERVED: the constructor checks against it
    public static final LegacyTokenSettings DEFAULT =
            new LegacyTokenSettings("http://newstore/newstore_id", "http://newstore/roles", false);

    public LegacyTokenSettings {
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        if (!validClaimName(tenantClaim) || !validClaimName(rolesClaim)) {
            throw new IllegalArgumentException("not a usable claim name");
        }
        if (tenantClaim.equals(rolesClaim)) {
            throw new IllegalArgumentException("the tenant and roles claims must differ");
        }
    }

    /** Printable ASCII, no spaces, not one of the claims Tollgate sets. */
    public static boolean validClaimName(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_CLAIM_LENGTH
                && name.chars().allMatch(c -> c > 0x20 && c < 0x7F) && !RESERVED.contains(name);
    }
}
