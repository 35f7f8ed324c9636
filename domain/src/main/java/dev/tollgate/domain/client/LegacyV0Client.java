package dev.tollgate.domain.client;

import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.token.TokenLifetimes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The built-in client every tenant has for the legacy Token API v0: v0 callers send a username and password but no
 * client, so their tokens name this one ({@code azp}, {@code client_id}). It is a "Support Legacy APIs" client
 * (seed 002), public, and served only at {@code /v0}. Its lifetimes are the v0 {@code expires_in} (86400 s, as in
 * seed 001) and the refresh token lifetime; a tenant admin may change them or disable the client.
 */
public final class LegacyV0Client {

    public static final String CLIENT_ID = "legacy-v0";
    public static final GrantType PASSWORD = new GrantType("password");
    public static final GrantType REFRESH_TOKEN = new GrantType("refresh_token");
    /** 24 h access tokens (seed 001) and refresh tokens good for 30 days. */
    public static final TokenLifetimes LIFETIMES = TokenLifetimes.ofSeconds(86_400, 30L * 86_400);

    private LegacyV0Client() {
    }

    public static Client forTenant(UUID tenantId) {
        return new Client(tenantId, CLIENT_ID, "Token API v0 (deprecated)",
                "Built in: the client of tokens issued by the deprecated /v0/token and /v0/refresh_token.",
                new ClientKind.TenantScoped(), Set.of(PASSWORD, REFRESH_TOKEN), ClientScopes.legacyApis(),
                Optional.of(LIFETIMES), List.of(), TokenEndpointAuthMethod.NONE, true);
    }

    public static boolean is(Client client) {
        return client.clientId().equals(CLIENT_ID);
    }
}
