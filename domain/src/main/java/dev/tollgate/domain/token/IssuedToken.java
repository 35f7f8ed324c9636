package dev.tollgate.domain.token;

import dev.tollgate.domain.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful token request returns, before a dialect renders it.
 *
 * @param idToken an OpenID Connect ID token, where the grant returns one (seed 003's JWT bearer response does)
 */
public record IssuedToken(
        String accessToken,
        Instant expiresAt,
        Duration expiresIn,
        Scope scope,
        Optional<String> refreshToken,
        Optional<String> idToken) {

    /** A response without an ID token. */
    public IssuedToken(String accessToken, Instant expiresAt, Duration expiresIn, Scope scope,
            Optional<String> refreshToken) {
        this(accessToken, expiresAt, expiresIn, scope, refreshToken, Optional.empty());
    }

    public IssuedToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(idToken, "idToken");
    }

    /** The token type of every token Tollgate issues (RFC 6750). */
    public static final String BEARER = "Bearer";
}
