package dev.tollgate.domain.client;

import dev.tollgate.domain.scope.Scope;
import java.util.Objects;

/**
 * What a client may ask for: a set of scopes, or "Support Legacy APIs" (seed 002), which means no scopes at all
 * and access to the legacy APIs that do not check scopes.
 */
public sealed interface ClientScopes permits ClientScopes.Scoped, ClientScopes.LegacyApis {

    record Scoped(Scope allowed) implements ClientScopes {
        public Scoped {
            Objects.requireNonNull(allowed, "allowed");
        }
    }

    record LegacyApis() implements ClientScopes {
    }

    static ClientScopes scoped(Scope allowed) {
        return new Scoped(allowed);
    }

    static ClientScopes legacyApis() {
        return new LegacyApis();
    }

    /** The scopes this client may hold; empty for a legacy client. */
    default Scope allowed() {
        return switch (this) {
            case Scoped s -> s.allowed();
            case LegacyApis l -> Scope.EMPTY;
        };
    }
}
