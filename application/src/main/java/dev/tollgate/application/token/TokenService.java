package dev.tollgate.application.token;

import dev.tollgate.application.client.ClientAuthenticator;
import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.grant.SelfAuthenticatingGrantHandler;
import dev.tollgate.application.grant.GrantHandler;
import dev.tollgate.application.grant.GrantHandlers;
import dev.tollgate.application.grant.GrantRequest;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The token endpoint's use case, shared by every dialect: authenticate the client, find the handler of the
 * {@code grant_type}, check the client may use it, and let the handler decide.
 */
@Singleton
public class TokenService {

    private final ClientAuthenticator authenticator;
    private final GrantHandlers handlers;

    @Inject
    public TokenService(ClientAuthenticator authenticator, GrantHandlers handlers) {
        this.authenticator = authenticator;
        this.handlers = handlers;
    }

    public Outcome<IssuedToken> requestToken(TokenRequest request) {
        String grantTypeName = request.parameters().get("grant_type");
        if (grantTypeName == null || grantTypeName.isBlank()) {
            return Outcome.failure(OAuthError.invalidRequest("Missing parameter: grant_type"));
        }
        GrantType grantType = new GrantType(grantTypeName);
        if (request.credentials() instanceof ClientCredentials.Absent
                && handlers.find(grantType).orElse(null) instanceof SelfAuthenticatingGrantHandler selfAuthenticating) {
            return selfAuthenticating.handleUnauthenticated(request);
        }
        return authenticator.authenticate(request.tenant(), request.credentials())
                .then(client -> dispatch(request, client, grantType));
    }

    private Outcome<IssuedToken> dispatch(TokenRequest request, Client client, GrantType grantType) {
        Optional<GrantHandler> handler = handlers.find(grantType);
        if (handler.isEmpty()) {
            return Outcome.failure(OAuthError.unsupportedGrantType(grantType.value()));
        }
        if (LegacyV0Client.is(client)) {
            return Outcome.failure(OAuthError.unauthorizedClient("The built-in v0 client is served only at /v0"));
        }
        if (!client.allows(grantType)) {
            return Outcome.failure(OAuthError.unauthorizedClient(
                    "The client is not allowed the grant type " + grantType.value()));
        }
        return handler.get().handle(new GrantRequest(request.tenant(), client, request.parameters(), request.endpoint()));
    }
}
