package dev.tollgate.application.token;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.fake.RevocationWorld;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.RefreshToken;
import dev.tollgate.domain.token.RevokedAccessToken;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 7009 revocation on fakes: a client revokes only its own tokens, and the rest is a quiet success. */
class TokenRevocationTest {

    private static final ClientCredentials BACKEND = new ClientCredentials.SecretBasic("backend", "backend-secret");

    private final RevocationWorld rw = new RevocationWorld();
    private final TestWorld world = rw.world;
    private final Tenant acme = world.addTenant("acme");
    private final Client backend = world.addClient(acme, "backend", "backend-secret", "orders:read");
    private final Client other = world.addClient(acme, "other", "other-secret");
    private final ClientCredentials api = new ClientCredentials.SecretBasic("api", "api-secret");

    {
        world.addClient(acme, "api", "api-secret");
        world.clients.put(TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE).build());
    }

    private String accessToken(Client client) {
        return rw.accessTokens.mint(acme, client, client.clientId(), Scope.EMPTY, Map.of()).accessToken();
    }

    private RefreshTokens.Issued refreshToken(String clientId, Duration lifetime) {
        return world.refreshTokens.issue(acme, clientId, UUID.randomUUID(), Scope.of("orders:read"), lifetime);
    }

    private Outcome<Revocation> revoke(ClientCredentials credentials, String... pairs) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return rw.revocation.revoke(acme, credentials, parameters, SourceAddress.UNKNOWN);
    }

    private Introspection introspect(String token) {
        return success(rw.introspection.introspect(acme, api, Map.of("token", token), SourceAddress.UNKNOWN));
    }

    private RefreshToken stored(RefreshTokens.Issued issued) {
        return world.refreshTokenStore.findByDigest(world.digester.digest(issued.value())).orElseThrow();
    }

    // ---- access tokens

    @Test
    void anAccessTokenGoesOnTheDenyListUntilItExpires() {
        String token = accessToken(backend);
        AccessTokenClaims claims = rw.jws.claimsOf(token);
        assertInstanceOf(Revocation.AccessTokenDenied.class, success(revoke(BACKEND, "token", token)));
        assertInstanceOf(Introspection.Inactive.class, introspect(token));
        RevokedAccessToken listed = rw.revoked.all().getFirst();
        assertEquals(acme.id(), listed.tenantId());
        assertEquals(claims.tokenId(), listed.tokenId());
        assertEquals("backend", listed.clientId());
        assertEquals(claims.expiresAt(), listed.expiresAt());
        // the client's other tokens are still good
        assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(accessToken(backend)));
    }

    @Test
    void revokingTwiceIsOneRevocation() {
        String token = accessToken(backend);
        success(revoke(BACKEND, "token", token));
        world.clock.advance(Duration.ofSeconds(10));
        assertInstanceOf(Revocation.AccessTokenDenied.class, success(revoke(BACKEND, "token", token)));
        assertEquals(1, rw.revoked.all().size());
        assertEquals(TestWorld.NOW, rw.revoked.all().getFirst().revokedAt());
    }

    @Test
    void anotherClientsAccessTokenIsRefused() {
        String token = accessToken(other);
        OAuthError error = failure(revoke(BACKEND, "token", token));
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT, error.code());
        assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(token));
        assertTrue(rw.revoked.all().isEmpty());
    }

    @Test
    void anExpiredAccessTokenNeedsNoRevoking() {
        String token = accessToken(backend);
        world.clock.set(rw.jws.claimsOf(token).expiresAt());
        assertInstanceOf(Revocation.NothingToRevoke.class, success(revoke(BACKEND, "token", token)));
        // not even another client's: an expired token is refused by everyone anyway
        assertInstanceOf(Revocation.NothingToRevoke.class,
                success(revoke(new ClientCredentials.SecretBasic("other", "other-secret"), "token", token)));
        assertTrue(rw.revoked.all().isEmpty());
    }

    @Test
    void expiredEntriesArePurged() {
        String shortLived = accessToken(backend);
        success(revoke(BACKEND, "token", shortLived));
        world.clock.set(rw.jws.claimsOf(shortLived).expiresAt().minusSeconds(1));
        assertEquals(0, rw.denyList.purgeExpired());
        String later = accessToken(backend);
        success(revoke(BACKEND, "token", later));
        world.clock.set(rw.jws.claimsOf(shortLived).expiresAt().plusSeconds(1));
        assertEquals(1, rw.denyList.purgeExpired());
        assertEquals(List.of(rw.jws.claimsOf(later).tokenId()),
                rw.revoked.all().stream().map(RevokedAccessToken::tokenId).toList());
        assertInstanceOf(Introspection.Inactive.class, introspect(later));
    }

    // ---- refresh tokens

    @Test
    void aRefreshTokenTakesItsFamilyWithIt() {
        RefreshTokens.Issued first = refreshToken("backend", Duration.ofDays(1));
        String second = success(world.refreshTokens.renew(first.token(), first.value(), true));
        RefreshTokens.Issued unrelated = refreshToken("backend", Duration.ofDays(1));
        var revoked = assertInstanceOf(Revocation.FamilyRevoked.class,
                success(revoke(BACKEND, "token", second, "token_type_hint", "refresh_token")));
        assertEquals(2, revoked.tokens());
        assertEquals(RefreshToken.State.REVOKED, stored(first).state());
        assertInstanceOf(Outcome.Failure.class, world.refreshTokens.redeemable(acme, second));
        assertInstanceOf(Outcome.Success.class, world.refreshTokens.redeemable(acme, unrelated.value()));
    }

    @Test
    void aRotatedRefreshTokenStillEndsItsFamily() {
        RefreshTokens.Issued first = refreshToken("backend", Duration.ZERO);
        String second = success(world.refreshTokens.renew(first.token(), first.value(), true));
        assertInstanceOf(Revocation.FamilyRevoked.class, success(revoke(BACKEND, "token", first.value())));
        assertInstanceOf(Outcome.Failure.class, world.refreshTokens.redeemable(acme, second));
    }

    @Test
    void anotherClientsRefreshTokenIsRefused() {
        RefreshTokens.Issued issued = refreshToken("other", Duration.ZERO);
        OAuthError error = failure(revoke(BACKEND, "token", issued.value()));
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT, error.code());
        assertEquals(RefreshToken.State.ACTIVE, stored(issued).state());
    }

    @Test
    void expiredOrRevokedRefreshTokensNeedNoRevoking() {
        RefreshTokens.Issued expiring = refreshToken("other", Duration.ofMinutes(1));
        RefreshTokens.Issued revoked = refreshToken("other", Duration.ZERO);
        world.refreshTokenStore.revokeFamily(revoked.token().familyId(), world.clock.instant());
        world.clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(Revocation.NothingToRevoke.class, success(revoke(BACKEND, "token", expiring.value())));
        assertInstanceOf(Revocation.NothingToRevoke.class, success(revoke(BACKEND, "token", revoked.value())));
    }

    @Test
    void aPublicClientRevokesItsOwnTokenWithItsClientIdAlone() {
        RefreshTokens.Issued issued = refreshToken("spa", Duration.ZERO);
        assertInstanceOf(Revocation.FamilyRevoked.class,
                success(revoke(new ClientCredentials.ClientIdOnly("spa"), "token", issued.value())));
        assertEquals(RefreshToken.State.REVOKED, stored(issued).state());
        // but client_id alone names no confidential client
        RefreshTokens.Issued backends = refreshToken("backend", Duration.ZERO);
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(revoke(new ClientCredentials.ClientIdOnly("backend"), "token", backends.value())).code());
        assertEquals(RefreshToken.State.ACTIVE, stored(backends).state());
    }

    // ---- the rest is a quiet success

    @Test
    void unknownAndMalformedTokensAndUnknownHintsAreASuccess() {
        for (String token : List.of("nonsense", "a.b.c", "fake.42.kid-1", "x".repeat(20_000))) {
            assertInstanceOf(Revocation.NothingToRevoke.class, success(revoke(BACKEND, "token", token)));
        }
        String token = accessToken(backend);
        assertInstanceOf(Revocation.AccessTokenDenied.class,
                success(revoke(BACKEND, "token", token, "token_type_hint", "id_token")));
    }

    @Test
    void anotherTenantsTokenIsUnknownHere() {
        Tenant elsewhere = world.addTenant("elsewhere");
        Client twin = world.addClient(elsewhere, "backend", "backend-secret");
        String token = rw.accessTokens.mint(elsewhere, twin, "backend", Scope.EMPTY, Map.of()).accessToken();
        RefreshTokens.Issued refresh = world.refreshTokens.issue(elsewhere, "backend", UUID.randomUUID(), Scope.EMPTY,
                Duration.ZERO);
        assertInstanceOf(Revocation.NothingToRevoke.class, success(revoke(BACKEND, "token", token)));
        assertInstanceOf(Revocation.NothingToRevoke.class, success(revoke(BACKEND, "token", refresh.value())));
        assertEquals(RefreshToken.State.ACTIVE, stored(refresh).state());
    }

    @Test
    void theClientMustAuthenticateAndNameAToken() {
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(revoke(new ClientCredentials.Absent(), "token", accessToken(backend))).code());
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(revoke(new ClientCredentials.SecretPost("backend", "wrong"), "token", "x")).code());
        OAuthError missing = failure(revoke(BACKEND));
        assertEquals(OAuthErrorCode.INVALID_REQUEST, missing.code());
    }
}
