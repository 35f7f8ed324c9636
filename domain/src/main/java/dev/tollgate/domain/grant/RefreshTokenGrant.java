package dev.tollgate.domain.grant;

import dev.tollgate.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;

/** RFC 6749 §6: a client redeems a refresh token, optionally narrowing the scope. */
public record RefreshTokenGrant(String refreshToken, Optional<Scope> requestedScope) implements Grant {

    public RefreshTokenGrant {
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(requestedScope, "requestedScope");
    }

    @Override
    public GrantType type() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public String toString() {
        return "RefreshTokenGrant[scope=" + requestedScope + "]";
    }
}
