package dev.tollgate.domain.grant;

import dev.tollgate.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;

/** RFC 6749 §4.4: a client asks for a token for itself, optionally narrowing the scope. */
public record ClientCredentialsGrant(Optional<Scope> requestedScope) implements Grant {

    public ClientCredentialsGrant {
        Objects.requireNonNull(requestedScope, "requestedScope");
    }

    @Override
    public GrantType type() {
        return GrantType.CLIENT_CREDENTIALS;
    }
}
