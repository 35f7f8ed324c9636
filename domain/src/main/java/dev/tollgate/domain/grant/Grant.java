package dev.tollgate.domain.grant;

/**
 * What a token request asks for, one record per grant type, each carrying only its own inputs. Handlers in the
 * application layer turn a request into one of these and decide on it.
 */
public sealed interface Grant permits ClientCredentialsGrant, AuthorizationCodeGrant, RefreshTokenGrant, PasswordGrant,
        JwtBearerGrant, ImplicitGrant {

    GrantType type();
}
