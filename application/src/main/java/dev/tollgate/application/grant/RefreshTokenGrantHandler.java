package dev.tollgate.application.grant;

import dev.tollgate.application.port.Transactions;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.RefreshTokens;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.grant.RefreshTokenGrant;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.token.RefreshToken;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 6749 §6 with rotation on every use (RFC 9700 §4.14.2): the presented token is replaced by a new one of the
 * same family; presenting a replaced token again revokes the family. The token is bound to its client: confidential
 * clients authenticate (TokenService did), public ones name their client_id. Scope may narrow, never widen.
 */
@Singleton
public class RefreshTokenGrantHandler implements GrantHandler {

    private final RefreshTokens refreshTokens;
    private final AccessTokenFactory accessTokens;
    private final UserRepository users;
    private final Transactions transactions;

    @Inject
    public RefreshTokenGrantHandler(RefreshTokens refreshTokens, AccessTokenFactory accessTokens, UserRepository users,
            Transactions transactions) {
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public GrantType grantType() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public Outcome<IssuedToken> handle(GrantRequest request) {
        Optional<String> presented = request.parameter("refresh_token");
        if (presented.isEmpty()) {
            return Outcome.failure(OAuthError.invalidRequest("Missing parameter: refresh_token"));
        }
        Optional<String> scopeParameter = request.parameter("scope");
        Optional<Scope> requested = scopeParameter.flatMap(Scope::parse);
        if (scopeParameter.isPresent() && requested.isEmpty()) {
            return Outcome.failure(OAuthError.invalidScope("The scope parameter is malformed"));
        }
        RefreshTokenGrant grant = new RefreshTokenGrant(presented.get(), requested);
        Client client = request.client();
        // another client's token is refused before it is redeemed, so a stranger cannot burn (or revoke) it
        Optional<RefreshToken> named = refreshTokens.lookup(request.tenant(), grant.refreshToken());
        if (named.isEmpty() || !named.get().clientId().equals(client.clientId())) {
            return Outcome.failure(OAuthError.invalidGrant("The refresh token is invalid, expired or revoked"));
        }
        return refreshTokens.redeemable(request.tenant(), grant.refreshToken()).then(token -> {
            Optional<User> user = users.find(request.tenant().id(), token.userId()).filter(User::enabled);
            if (user.isEmpty()) {
                return Outcome.failure(OAuthError.invalidGrant("The user of this refresh token is disabled or gone"));
            }
            Scope scope = grant.requestedScope().filter(s -> !s.isEmpty()).orElse(token.scope());
            Set<String> widened = token.scope().missing(scope);
            if (!widened.isEmpty()) {
                return Outcome.failure(OAuthError.invalidScope(
                        "The refresh token was not granted scope: " + String.join(" ", widened)));
            }
            // one transaction: the rotation stands only if the new access token could be signed too
            return transactions.inTransaction(() -> refreshTokens.renew(token, grant.refreshToken(), true)
                    .map(next -> {
                        IssuedToken access = accessTokens.mint(request.tenant(), client, user.get().id().toString(),
                                scope, Map.of(AccessTokenClaims.GRANT_TYPE_CLAIM,
                                        GrantType.REFRESH_TOKEN.value()));
                        return new IssuedToken(access.accessToken(), access.expiresAt(), access.expiresIn(),
                                access.scope(), Optional.of(next));
                    }));
        });
    }
}
