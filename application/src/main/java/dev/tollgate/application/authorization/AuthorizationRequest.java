package dev.tollgate.application.authorization;

import dev.tollgate.domain.authorization.CodeChallenge;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.scope.Scope;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A validated RFC 6749 §4.1.1 request: who asks, where the answer goes, for what, bound to which PKCE challenge. */
public record AuthorizationRequest(
        Client client,
        URI redirectUri,
        Optional<String> state,
        Scope scope,
        Optional<CodeChallenge> challenge) {

    public AuthorizationRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(challenge, "challenge");
    }
}
