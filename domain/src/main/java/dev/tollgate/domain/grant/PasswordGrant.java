package dev.tollgate.domain.grant;

import dev.tollgate.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;

/** RFC 6749 §4.3, a legacy surface: a client sends the user's own username and password. */
public record PasswordGrant(String username, String password, Optional<Scope> requestedScope) implements Grant {

    public PasswordGrant {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(requestedScope, "requestedScope");
    }

    @Override
    public GrantType type() {
        return GrantType.PASSWORD;
    }

    @Override
    public String toString() {
        return "PasswordGrant[username=" + username + "]";
    }
}
