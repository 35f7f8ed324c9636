package dev.tollgate.domain.grant;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Moltin's implicit token (seed 004): a client named by its client_id alone asks for a public token for itself. Its
 * scope is the tenant's implicit scope, or a part of it the client asks for; never anything beyond, whatever the
 * client itself may hold.
 */
public record ImplicitGrant(Optional<Scope> requestedScope) implements Grant {

    public ImplicitGrant {
        Objects.requireNonNull(requestedScope, "requestedScope");
    }

    @Override
    public GrantType type() {
        return GrantType.IMPLICIT;
    }

    /** The scope of the token within the tenant's implicit scope, or {@code invalid_scope}. */
    public Outcome<Scope> scopeWithin(Scope implicitScope) {
        if (requestedScope.isEmpty() || requestedScope.get().isEmpty()) {
            return Outcome.success(implicitScope);
        }
        Set<String> missing = implicitScope.missing(requestedScope.get());
        if (!missing.isEmpty()) {
            return Outcome.failure(OAuthError.invalidScope(
                    "An implicit token may not carry scope: " + String.join(" ", missing)));
        }
        return Outcome.success(requestedScope.get());
    }
}
