package dev.tollgate.domain.token;

import dev.tollgate.domain.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a successful token request returns, before a dialect renders it. */
public record IssuedToken(
        String accessToken,
        Instant expiresAt,
        Duration expiresIn,
        Scope scope,
        Optional<String> refreshToken) {

    public IssuedToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    /** The token type of every token Tollgate issues (RFC 6750). */
    public static final String BEARER = "Bearer";
}
