package dev.tollgate.application.token;

import dev.tollgate.application.client.ClientAuthenticator;
import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.RefreshToken;
import dev.tollgate.domain.token.TokenTypeHint;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Token introspection (RFC 7662) for the resource servers of a tenant: only its confidential clients may ask, and
 * the answer about a token that is not usable now, for whatever reason, is a bare {@code active: false}.
 */
@Singleton
public class TokenIntrospection {

    private final ClientAuthenticator authenticator;
    private final PresentedTokens tokens;
    private final AccessTokenDenyList denyList;
    private final UserRepository users;
    private final Clock clock;

    @Inject
    public TokenIntrospection(ClientAuthenticator authenticator, PresentedTokens tokens, AccessTokenDenyList denyList,
            UserRepository users, Clock clock) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.denyList = denyList;
        this.users = users;
        this.clock = clock;
    }

    public Outcome<Introspection> introspect(Tenant tenant, ClientCredentials credentials,
            Map<String, String> parameters, SourceAddress source) {
        return authenticator.authenticate(tenant, credentials, source)
                .then(TokenIntrospection::confidential)
                .then(client -> PresentedTokens.tokenParameter(parameters)
                        .map(token -> inspect(tenant, client, token, PresentedTokens.hint(parameters))));
    }

    /** RFC 7662 §2.1: the endpoint must be protected; a public client proves nothing about who is asking. */
    private static Outcome<Client> confidential(Client client) {
        return client.isConfidential() ? Outcome.success(client) : Outcome.failure(OAuthError.invalidClient());
    }

    private Introspection inspect(Tenant tenant, Client caller, String token, Optional<TokenTypeHint> hint) {
        return switch (tokens.identify(tenant, token, hint)) {
            case PresentedToken.AccessToken access -> access(tenant, access.token());
            case PresentedToken.Refresh refresh -> refresh(caller, refresh.token());
            case PresentedToken.Unrecognized unrecognized -> new Introspection.Inactive();
        };
    }

    private Introspection access(Tenant tenant, VerifiedAccessToken token) {
        if (!token.isValidAt(clock.instant()) || denyList.denies(tenant, token.tokenId())) {
            return new Introspection.Inactive();
        }
        return new Introspection.ActiveAccessToken(token, username(tenant, token.subject()));
    }

    /** A refresh token is its client's business: to anyone else it is simply not active (privacy). */
    private Introspection refresh(Client caller, RefreshToken token) {
        boolean usable = token.redemption(clock.instant()) == RefreshToken.Redemption.USABLE;
        return usable && token.clientId().equals(caller.clientId())
                ? new Introspection.ActiveRefreshToken(token)
                : new Introspection.Inactive();
    }

    /** Tokens about a user have the user's id as {@code sub}; a client's own tokens have its client_id. */
    private Optional<String> username(Tenant tenant, String subject) {
        UUID userId;
        try {
            userId = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return users.find(tenant.id(), userId).map(User::email);
    }
}
