package dev.tollgate.application.grant;

import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.ClientCredentialsGrant;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 6749 §4.4: a confidential client gets a token for itself, its subject being its client_id. No refresh token
 * (§4.4.3): the client can always ask again.
 */
@Singleton
public class ClientCredentialsGrantHandler implements GrantHandler {

    private final AccessTokenFactory tokens;

    @Inject
    public ClientCredentialsGrantHandler(AccessTokenFactory tokens) {
        this.tokens = tokens;
    }

    @Override
    public GrantType grantType() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public Outcome<IssuedToken> handle(GrantRequest request) {
        Client client = request.client();
        if (!client.isConfidential()) {
            return Outcome.failure(OAuthError.unauthorizedClient("A public client cannot use client_credentials"));
        }
        return parse(request)
                .then(grant -> client.grantableScope(grant.requestedScope()))
                .map(scope -> tokens.mint(request.tenant(), client, client.clientId(), scope, Map.of(),
                        request.accessTokenLifetime()));
    }

    private static Outcome<ClientCredentialsGrant> parse(GrantRequest request) {
        Optional<String> scopeParameter = request.parameter("scope");
        if (scopeParameter.isEmpty()) {
            return Outcome.success(new ClientCredentialsGrant(Optional.empty()));
        }
        return Scope.parse(scopeParameter.get())
                .<Outcome<ClientCredentialsGrant>>map(s -> Outcome.success(new ClientCredentialsGrant(Optional.of(s))))
                .orElseGet(() -> Outcome.failure(OAuthError.invalidScope("The scope parameter is malformed")));
    }
}
