package dev.tollgate.application.token;

import dev.tollgate.application.client.ClientAuthenticator;
import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.port.RefreshTokenRepository;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.RefreshToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;

/**
 * Token revocation (RFC 7009). A client revokes its own tokens: a refresh token takes its whole family with it, an
 * access token goes on the deny list until it expires. Public clients identify with their client_id alone (§2.1).
 */
@Singleton
public class TokenRevocation {

    private final ClientAuthenticator authenticator;
    private final PresentedTokens tokens;
    private final AccessTokenDenyList denyList;
    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    @Inject
    public TokenRevocation(ClientAuthenticator authenticator, PresentedTokens tokens, AccessTokenDenyList denyList,
            RefreshTokenRepository refreshTokens, Clock clock) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.denyList = denyList;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    public Outcome<Revocation> revoke(Tenant tenant, ClientCredentials credentials, Map<String, String> parameters,
            SourceAddress source) {
        return authenticator.authenticate(tenant, credentials, source)
                .then(client -> PresentedTokens.tokenParameter(parameters)
                        .then(token -> switch (tokens.identify(tenant, token, PresentedTokens.hint(parameters))) {
                            case PresentedToken.AccessToken access -> access(tenant, client, access.token());
                            case PresentedToken.Refresh refresh -> refresh(client, refresh.token());
                            case PresentedToken.Unrecognized unrecognized ->
                                    Outcome.success(new Revocation.NothingToRevoke());
                        }));
    }

    private Outcome<Revocation> access(Tenant tenant, Client caller, VerifiedAccessToken token) {
        if (token.isExpiredAt(clock.instant())) {
            return Outcome.success(new Revocation.NothingToRevoke());
        }
        if (!token.clientId().equals(caller.clientId())) {
            return anotherClients();
        }
        denyList.deny(tenant, token);
        return Outcome.success(new Revocation.AccessTokenDenied());
    }

    private Outcome<Revocation> refresh(Client caller, RefreshToken token) {
        return switch (token.redemption(clock.instant())) {
            case EXPIRED, REVOKED -> Outcome.success(new Revocation.NothingToRevoke());
            // a rotated token still names a live family: revoking it ends the family, as its reuse would
            case USABLE, REUSED -> token.clientId().equals(caller.clientId())
                    ? Outcome.success(new Revocation.FamilyRevoked(
                            refreshTokens.revokeFamily(token.familyId(), clock.instant())))
                    : anotherClients();
        };
    }

    /** RFC 7009 §2.1: the token was not issued to the client asking, so the request is refused. */
    private static Outcome<Revocation> anotherClients() {
        return Outcome.failure(OAuthError.unauthorizedClient("The token was not issued to this client"));
    }
}
