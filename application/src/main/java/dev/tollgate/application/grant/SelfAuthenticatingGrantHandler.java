package dev.tollgate.application.grant;

import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.token.IssuedToken;

/**
 * A grant whose request proves the client by itself, so it may come without client authentication: RFC 7523 §3.1's
 * assertion names its client in {@code iss} and is signed with that client's key (seed 003 §3 sends only
 * {@code grant_type} and {@code assertion}). When the caller does authenticate, the ordinary path applies.
 */
public interface SelfAuthenticatingGrantHandler extends GrantHandler {

    /** Decides on a request that carried no client authentication; the handler identifies and checks the client. */
    Outcome<IssuedToken> handleUnauthenticated(TokenRequest request);
}
