package dev.tollgate.application.grant;

import dev.tollgate.application.port.Transactions;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.RefreshTokens;
import dev.tollgate.application.user.UserAuthenticator;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.grant.PasswordGrant;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 6749 §4.3, the resource owner password grant, for the clients allowed it. A legacy surface (RFC 9700 §2.4
 * says it must not be used): TokenService puts every call to the deprecation policy before it gets here.
 */
@Singleton
public class PasswordGrantHandler implements GrantHandler {

    private final UserAuthenticator authenticator;
    private final RefreshTokens refreshTokens;
    private final AccessTokenFactory accessTokens;
    private final Transactions transactions;

    @Inject
    public PasswordGrantHandler(UserAuthenticator authenticator, RefreshTokens refreshTokens,
            AccessTokenFactory accessTokens, Transactions transactions) {
        this.authenticator = authenticator;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
    }

    @Override
    public GrantType grantType() {
        return GrantType.PASSWORD;
    }

    @Override
    public Outcome<IssuedToken> handle(GrantRequest request) {
        return parse(request).then(grant -> request.client().grantableScope(grant.requestedScope())
                .then(scope -> authenticator
                        .authenticate(request.tenant(), grant.username(), grant.password(), request.source())
                        // one answer for an unknown user, a disabled one and a wrong password
                        .toOutcome("Invalid username or password")
                        .map(user -> issue(request.tenant(), request.client(), user, scope))));
    }

    private IssuedToken issue(Tenant tenant, Client client, User user, Scope scope) {
        // one transaction: a refresh token is stored only if its access token could be signed too
        return transactions.inTransaction(() -> {
            Optional<String> refresh = client.allows(GrantType.REFRESH_TOKEN)
                    ? Optional.of(refreshTokens.issue(tenant, client.clientId(), user.id(), scope,
                            client.lifetimesOr(tenant.defaultLifetimes()).refreshToken()).value())
                    : Optional.empty();
            IssuedToken access = accessTokens.mint(tenant, client, user.id().toString(), scope,
                    Map.of(AccessTokenClaims.GRANT_TYPE_CLAIM, GrantType.PASSWORD.value()));
            return new IssuedToken(access.accessToken(), access.expiresAt(), access.expiresIn(), access.scope(),
                    refresh);
        });
    }

    private static Outcome<PasswordGrant> parse(GrantRequest request) {
        Optional<String> username = request.parameter("username");
        Optional<String> password = request.parameter("password");
        if (username.isEmpty()) {
            return Outcome.failure(OAuthError.invalidRequest("Missing parameter: username"));
        }
        if (password.isEmpty()) {
            return Outcome.failure(OAuthError.invalidRequest("Missing parameter: password"));
        }
        Optional<String> scopeParameter = request.parameter("scope");
        Optional<Scope> scope = scopeParameter.flatMap(Scope::parse);
        if (scopeParameter.isPresent() && scope.isEmpty()) {
            return Outcome.failure(OAuthError.invalidScope("The scope parameter is malformed"));
        }
        return Outcome.success(new PasswordGrant(username.get(), password.get(), scope));
    }
}
