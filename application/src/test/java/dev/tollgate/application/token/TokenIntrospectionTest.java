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
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.user.User;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 7662 introspection on fakes: who may ask, and that every unusable token is the same bare inactive. */
class TokenIntrospectionTest {

    private static final ClientCredentials RESOURCE_SERVER = new ClientCredentials.SecretBasic("api", "api-secret");

    private final RevocationWorld rw = new RevocationWorld();
    private final TestWorld world = rw.world;
    private final Tenant acme = world.addTenant("acme");
    private final Client backend = world.addClient(acme, "backend", "backend-secret", "orders:read", "catalog");
    private final Client api = world.addClient(acme, "api", "api-secret");

    private String accessToken(Tenant tenant, Client client, String subject, Map<String, Object> extra) {
        return rw.accessTokens.mint(tenant, client, subject, Scope.of("orders:read"), extra).accessToken();
    }

    private String backendToken() {
        return accessToken(acme, backend, backend.clientId(), Map.of());
    }

    private Introspection introspect(String token) {
        return introspect(RESOURCE_SERVER, Map.of("token", token));
    }

    private Introspection introspect(ClientCredentials credentials, Map<String, String> parameters) {
        return success(rw.introspection.introspect(acme, credentials, parameters, SourceAddress.UNKNOWN));
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // ---- access tokens

    @Test
    void anActiveAccessTokenIsDescribedByItsClaims() {
        String token = backendToken();
        AccessTokenClaims minted = rw.jws.claimsOf(token);
        var active = assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(token));
        VerifiedAccessToken claims = active.token();
        assertEquals("https://id.example.com/auth/realms/acme", claims.issuer());
        assertEquals("backend", claims.subject());
        assertEquals("backend", claims.clientId());
        assertEquals(List.of("https://id.example.com/auth/realms/acme"), claims.audience());
        assertEquals(Scope.of("orders:read"), claims.scope());
        assertEquals(minted.tokenId(), claims.tokenId());
        assertEquals(minted.expiresAt(), claims.expiresAt());
        assertEquals(minted.issuedAt(), claims.issuedAt());
        // the client's own token: no user behind it
        assertEquals(Optional.empty(), active.username());
        assertEquals(Optional.empty(), claims.view());
    }

    @Test
    void aTokenAboutAUserNamesTheUserAndKeepsTheView() {
        User user = world.addUser(acme, "ann@acme.test", "ann", "pw");
        String token = accessToken(acme, backend, user.id().toString(), Map.of("view", ""));
        var active = assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(token));
        assertEquals(Optional.of("ann@acme.test"), active.username());
        // "" is a view too: the tenant's default one (seed 003)
        assertEquals(Optional.of(""), active.token().view());
    }

    @Test
    void aSubjectThatIsNoUserOfTheTenantHasNoUsername() {
        String token = accessToken(acme, backend, UUID.randomUUID().toString(), Map.of());
        var active = assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(token));
        assertEquals(Optional.empty(), active.username());
    }

    @Test
    void anAccessTokenIsInactiveFromItsExpiryOn() {
        String token = backendToken();
        world.clock.set(rw.jws.claimsOf(token).expiresAt().minusSeconds(1));
        assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(token));
        world.clock.set(rw.jws.claimsOf(token).expiresAt());
        assertInstanceOf(Introspection.Inactive.class, introspect(token));
    }

    @Test
    void aDeniedAccessTokenIsInactive() {
        String token = backendToken();
        VerifiedAccessToken claims = ((Introspection.ActiveAccessToken) introspect(token)).token();
        rw.denyList.deny(acme, claims);
        assertInstanceOf(Introspection.Inactive.class, introspect(token));
        // another token of the same client is not affected
        assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(backendToken()));
    }

    @Test
    void unknownAndMalformedTokensAreInactive() {
        String genuine = backendToken();
        for (String token : List.of("nonsense", "a.b.c", "fake.99.kid-1", "fake.x.kid-1", "..", ".",
                genuine + "x", genuine.replace("fake.", "fake.1"), "x".repeat(20_000))) {
            assertInstanceOf(Introspection.Inactive.class, introspect(token), token.length() > 40 ? "long" : token);
        }
    }

    @Test
    void anotherTenantsTokenIsInactive() {
        Tenant other = world.addTenant("other");
        Client otherClient = world.addClient(other, "backend", "backend-secret");
        String token = accessToken(other, otherClient, "backend", Map.of());
        assertInstanceOf(Introspection.Inactive.class, introspect(token));
    }

    @Test
    void aTokenWithTheTenantsKeyButAnotherIssuerIsInactive() {
        AccessTokenClaims genuine = rw.jws.claimsOf(backendToken());
        AccessTokenClaims forged = new AccessTokenClaims("https://elsewhere.example/realms/acme", genuine.subject(),
                genuine.audience(), genuine.issuedAt(), genuine.expiresAt(), "jti-forged", genuine.clientId(),
                genuine.scope(), genuine.tenant(), genuine.extra());
        String kid = world.signingKeys.activeKey(acme).keyId();
        assertInstanceOf(Introspection.Inactive.class, introspect(rw.jws.signAs(forged, kid)));
        assertInstanceOf(Introspection.Inactive.class, introspect(rw.jws.signAs(genuine, "kid-unknown")));
    }

    @Test
    void aTokenOfAKeyThatLeftTheJwksIsInactive() {
        String beforeRotation = backendToken();
        world.signingKeys.rotate(acme, Duration.ofMinutes(30));
        // the previous key still verifies while it is published
        assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(beforeRotation));
        world.clock.advance(Duration.ofMinutes(31));
        // not expired yet (1 h), but its key is no longer the tenant's
        assertInstanceOf(Introspection.Inactive.class, introspect(beforeRotation));
        assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(backendToken()));
    }

    // ---- refresh tokens

    private RefreshTokens.Issued refreshToken(String clientId, Duration lifetime) {
        return world.refreshTokens.issue(acme, clientId, UUID.randomUUID(), Scope.of("orders:read"), lifetime);
    }

    @Test
    void anActiveRefreshTokenIsDescribedToItsOwnClient() {
        RefreshTokens.Issued issued = refreshToken("api", Duration.ofDays(1));
        var active = assertInstanceOf(Introspection.ActiveRefreshToken.class, introspect(issued.value()));
        assertEquals(issued.token().id(), active.token().id());
        assertEquals("api", active.token().clientId());
    }

    @Test
    void aRefreshTokenIsInactiveToAnyOtherClient() {
        RefreshTokens.Issued issued = refreshToken("backend", Duration.ofDays(1));
        assertInstanceOf(Introspection.Inactive.class, introspect(issued.value()));
        var owner = new ClientCredentials.SecretPost("backend", "backend-secret");
        assertInstanceOf(Introspection.ActiveRefreshToken.class, introspect(owner, params("token", issued.value())));
    }

    @Test
    void expiredRotatedAndRevokedRefreshTokensAreInactive() {
        RefreshTokens.Issued expiring = refreshToken("api", Duration.ofMinutes(5));
        RefreshTokens.Issued rotated = refreshToken("api", Duration.ZERO);
        world.refreshTokens.renew(rotated.token(), rotated.value(), true);
        RefreshTokens.Issued revoked = refreshToken("api", Duration.ZERO);
        world.refreshTokenStore.revokeFamily(revoked.token().familyId(), world.clock.instant());
        world.clock.advance(Duration.ofMinutes(5));
        for (RefreshTokens.Issued issued : List.of(expiring, rotated, revoked)) {
            assertInstanceOf(Introspection.Inactive.class, introspect(issued.value()));
        }
    }

    @Test
    void introspectionDoesNotTreatARotatedTokenAsReuse() {
        RefreshTokens.Issued first = refreshToken("api", Duration.ZERO);
        String next = success(world.refreshTokens.renew(first.token(), first.value(), true));
        introspect(first.value());
        // a reuse would have revoked the family; asking about the old token must not
        assertInstanceOf(Introspection.ActiveRefreshToken.class, introspect(next));
    }

    // ---- hints

    @Test
    void theHintOnlyChoosesWhereToLookFirst() {
        String access = backendToken();
        String refresh = refreshToken("api", Duration.ZERO).value();
        for (String hint : List.of("access_token", "refresh_token", "id_token", "nonsense")) {
            assertInstanceOf(Introspection.ActiveAccessToken.class,
                    introspect(RESOURCE_SERVER, params("token", access, "token_type_hint", hint)), hint);
            assertInstanceOf(Introspection.ActiveRefreshToken.class,
                    introspect(RESOURCE_SERVER, params("token", refresh, "token_type_hint", hint)), hint);
        }
    }

    // ---- who may ask

    @Test
    void onlyAnAuthenticatedConfidentialClientMayIntrospect() {
        String token = backendToken();
        world.clients.put(TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE).build());
        world.clients.put(TestWorld.client(acme, "off").disabled().build(), TestWorld.secret("off-secret"));
        List<ClientCredentials> refused = List.of(
                new ClientCredentials.Absent(),
                new ClientCredentials.ClientIdOnly("spa"),
                new ClientCredentials.ClientIdOnly("api"),
                new ClientCredentials.SecretPost("api", "wrong"),
                new ClientCredentials.SecretBasic("off", "off-secret"),
                new ClientCredentials.SecretBasic("nobody", "api-secret"));
        for (ClientCredentials credentials : refused) {
            OAuthError error = failure(rw.introspection.introspect(acme, credentials, params("token", token), SourceAddress.UNKNOWN));
            assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code(), credentials.toString());
        }
        OAuthError basic = failure(rw.introspection.introspect(acme,
                new ClientCredentials.SecretBasic("api", "wrong"), params("token", token), SourceAddress.UNKNOWN));
        assertEquals(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED, basic.cause());
    }

    @Test
    void aClientOfAnotherTenantMayNotIntrospect() {
        Tenant other = world.addTenant("other");
        world.addClient(other, "outsider", "outsider-secret");
        OAuthError error = failure(rw.introspection.introspect(acme,
                new ClientCredentials.SecretBasic("outsider", "outsider-secret"), params("token", backendToken()), SourceAddress.UNKNOWN));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code());
    }

    @Test
    void theTokenIsRequiredButOnlyAfterTheClientIsKnown() {
        OAuthError missing = failure(rw.introspection.introspect(acme, RESOURCE_SERVER, Map.of(), SourceAddress.UNKNOWN));
        assertEquals(OAuthErrorCode.INVALID_REQUEST, missing.code());
        assertTrue(missing.description().contains("token"));
        OAuthError anonymous = failure(rw.introspection.introspect(acme, new ClientCredentials.Absent(), Map.of(), SourceAddress.UNKNOWN));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, anonymous.code());
    }
}
