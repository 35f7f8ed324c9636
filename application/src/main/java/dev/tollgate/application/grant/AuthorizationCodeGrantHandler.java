package dev.tollgate.application.grant;

import dev.tollgate.application.authorization.AuthorizationCodes;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.RefreshTokenRepository;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.application.token.AccessTokenDenyList;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.RefreshTokens;
import dev.tollgate.domain.authorization.AuthorizationCode;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.AuthorizationCodeGrant;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * RFC 6749 §4.1.3 with RFC 7636 §4.6: a client exchanges a code, once, for an access token and (when it may refresh)
 * a refresh token. A second exchange of a code is refused and revokes what the first one got (RFC 6749 §4.1.2): the
 * refresh token family, and the access token by putting it on the deny list introspection consults.
 */
@Singleton
public class AuthorizationCodeGrantHandler implements GrantHandler {

    private static final String INVALID_CODE = "The authorization code is invalid, expired or already used";

    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final RefreshTokenRepository refreshTokenRepository;
    private final AccessTokenFactory accessTokens;
    private final UserRepository users;
    private final AccessTokenDenyList denyList;
    private final RandomValues random;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public AuthorizationCodeGrantHandler(AuthorizationCodes codes, RefreshTokens refreshTokens,
            RefreshTokenRepository refreshTokenRepository, AccessTokenFactory accessTokens, UserRepository users,
            AccessTokenDenyList denyList, RandomValues random, Transactions transactions, Clock clock) {
        this.denyList = denyList;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.refreshTokenRepository = refreshTokenRepository;
        this.accessTokens = accessTokens;
        this.users = users;
        this.random = random;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public GrantType grantType() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public Outcome<IssuedToken> handle(GrantRequest request) {
        Optional<String> code = request.parameter("code");
        if (code.isEmpty()) {
            return Outcome.failure(OAuthError.invalidRequest("Missing parameter: code"));
        }
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code.get(), request.parameter("redirect_uri"),
                request.parameter("code_verifier"));
        Client client = request.client();
        Optional<AuthorizationCode> found = codes.find(request.tenant(), grant.code())
                .filter(c -> c.clientId().equals(client.clientId()));
        if (found.isEmpty()) {
            return invalidGrant(INVALID_CODE);
        }
        AuthorizationCode stored = found.get();
        if (stored.redemption().isPresent()) {
            revokeIssuedFrom(request.tenant(), stored, stored.redemption().get());
            return invalidGrant(INVALID_CODE);
        }
        if (stored.isExpiredAt(clock.instant())) {
            return invalidGrant(INVALID_CODE);
        }
        if (grant.redirectUri().isEmpty() || !grant.redirectUri().get().equals(stored.redirectUri().toString())) {
            return invalidGrant("redirect_uri does not match the authorization request");
        }
        Optional<OAuthError> pkce = pkceError(client, stored, grant.codeVerifier());
        if (pkce.isPresent()) {
            return Outcome.failure(pkce.get());
        }
        Optional<User> user = users.find(request.tenant().id(), stored.userId()).filter(User::enabled);
        if (user.isEmpty()) {
            return invalidGrant(INVALID_CODE);
        }
        return exchange(request.tenant(), client, stored, user.get());
    }

    /** RFC 7636 §4.6, and RFC 9700 §2.1.1: a verifier for a code that had no challenge is a downgrade attempt. */
    private static Optional<OAuthError> pkceError(Client client, AuthorizationCode code, Optional<String> verifier) {
        if (code.challenge().isEmpty()) {
            if (verifier.isPresent()) {
                return Optional.of(OAuthError.invalidGrant("No code_challenge was sent with the authorization request"));
            }
            return client.isConfidential()
                    ? Optional.empty()
                    : Optional.of(OAuthError.invalidGrant("A public client must use PKCE"));
        }
        if (verifier.isEmpty()) {
            return Optional.of(OAuthError.invalidGrant("Missing code_verifier"));
        }
        return code.challenge().get().isAnsweredBy(verifier.get())
                ? Optional.empty()
                : Optional.of(OAuthError.invalidGrant("code_verifier does not match the code_challenge"));
    }

    /**
     * One transaction: the access token is signed (no write), the code is marked used with what it was exchanged for
     * (the conditional update makes one of two parallel exchanges wait and then lose, having written nothing), then
     * the refresh token is stored. A failure anywhere leaves the code unused and nothing else behind.
     */
    private Outcome<IssuedToken> exchange(Tenant tenant, Client client, AuthorizationCode code, User user) {
        return transactions.inTransaction(() -> {
            String tokenId = random.newTokenId();
            IssuedToken access = accessTokens.mint(tenant, client, user.id().toString(), code.scope(),
                    Map.of(AccessTokenClaims.GRANT_TYPE_CLAIM, GrantType.AUTHORIZATION_CODE.value()), tokenId);
            Optional<UUID> family = client.allows(GrantType.REFRESH_TOKEN) ? Optional.of(random.newId()) : Optional.empty();
            if (!codes.markRedeemed(code,
                    new AuthorizationCode.Redemption(clock.instant(), family, tokenId, access.expiresAt()))) {
                return invalidGrant(INVALID_CODE);
            }
            Optional<String> refresh = family.map(id -> refreshTokens.issue(tenant, client.clientId(), user.id(),
                    code.scope(), client.lifetimesOr(tenant.defaultLifetimes()).refreshToken(), id).value());
            return Outcome.success(new IssuedToken(access.accessToken(), access.expiresAt(), access.expiresIn(),
                    access.scope(), refresh));
        });
    }

    /** The refresh family ends, and the access token goes on the deny list until it expires. */
    private void revokeIssuedFrom(Tenant tenant, AuthorizationCode code, AuthorizationCode.Redemption redemption) {
        Instant now = clock.instant();
        redemption.refreshFamily().ifPresent(family -> refreshTokenRepository.revokeFamily(family, now));
        if (redemption.accessTokenExpiresAt().isAfter(now)) {
            denyList.deny(tenant, redemption.accessTokenId(), code.clientId(), redemption.accessTokenExpiresAt());
        }
    }

    private static <T> Outcome<T> invalidGrant(String description) {
        return Outcome.failure(OAuthError.invalidGrant(description));
    }
}
