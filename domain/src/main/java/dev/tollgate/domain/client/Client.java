package dev.tollgate.domain.client;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.TokenLifetimes;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An API client of a tenant (seed 002: name, description, token TTL, scopes or "Support Legacy APIs").
 *
 * @param lifetimes token lifetimes of this client; when absent the tenant's defaults apply
 * @param jwks      public keys the client signs JWT bearer assertions with (RS256, ES256); when absent it signs them
 *                  with its secret (HS256)
 */
public record Client(
        UUID tenantId,
        String clientId,
        String name,
        String description,
        ClientKind kind,
        Set<GrantType> grantTypes,
        ClientScopes scopes,
        Optional<TokenLifetimes> lifetimes,
        List<URI> redirectUris,
        TokenEndpointAuthMethod authMethod,
        boolean enabled,
        Optional<ClientJwks> jwks) {

    public Client {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        grantTypes = Set.copyOf(grantTypes);
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(lifetimes, "lifetimes");
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(jwks, "jwks");
    }

    /** A client without registered public keys. */
    public Client(UUID tenantId, String clientId, String name, String description, ClientKind kind,
            Set<GrantType> grantTypes, ClientScopes scopes, Optional<TokenLifetimes> lifetimes, List<URI> redirectUris,
            TokenEndpointAuthMethod authMethod, boolean enabled) {
        this(tenantId, clientId, name, description, kind, grantTypes, scopes, lifetimes, redirectUris, authMethod,
                enabled, Optional.empty());
    }

    public Client withJwks(Optional<ClientJwks> value) {
        return new Client(tenantId, clientId, name, description, kind, grantTypes, scopes, lifetimes, redirectUris,
                authMethod, enabled, value);
    }

    public boolean allows(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    public boolean isConfidential() {
        return authMethod != TokenEndpointAuthMethod.NONE;
    }

    public TokenLifetimes lifetimesOr(TokenLifetimes tenantDefaults) {
        return lifetimes.orElse(tenantDefaults);
    }

    /**
     * The scope a token gets: the requested one when the client holds all of it, the client's scopes when none was
     * requested, otherwise {@code invalid_scope}.
     */
    public Outcome<Scope> grantableScope(Optional<Scope> requested) {
        Scope allowed = scopes.allowed();
        if (requested.isEmpty() || requested.get().isEmpty()) {
            return Outcome.success(allowed);
        }
        Set<String> missing = allowed.missing(requested.get());
        if (!missing.isEmpty()) {
            return Outcome.failure(OAuthError.invalidScope(
                    "The client may not request scope: " + String.join(" ", missing)));
        }
        return Outcome.success(requested.get());
    }
}
