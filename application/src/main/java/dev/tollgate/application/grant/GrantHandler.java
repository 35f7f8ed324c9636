package dev.tollgate.application.grant;

import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.token.IssuedToken;

/**
 * The extension point for grant types. A new grant type is a new bean implementing this interface: the container
 * discovers it and {@link GrantHandlers} routes {@code grant_type} to it; nothing else changes.
 */
public interface GrantHandler {

    /** The {@code grant_type} value this handler answers. */
    GrantType grantType();

    /**
     * Decides on a request whose client is authenticated and allowed this grant type.
     */
    Outcome<IssuedToken> handle(GrantRequest request);

    /**
     * Whether every OAuth token endpoint serves this grant type, and metadata advertises it. A dialect's own grant
     * (Moltin's implicit token) says no: only the endpoint of its dialect, which names it, serves it.
     */
    default boolean generalPurpose() {
        return true;
    }
}
