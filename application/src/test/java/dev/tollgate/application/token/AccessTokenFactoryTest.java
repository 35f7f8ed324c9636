package dev.tollgate.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.fake.FakeTokenSigner;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenFactoryTest {

    private TestWorld world;
    private Tenant acme;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.tenants.put(TestWorld.tenant("acme").lifetimes(900).build());
    }

    @Test
    void claimsComeFromTheTenantTheClientAndTheArguments() {
        Client client = TestWorld.client(acme, "web").scopes("a", "b").build();
        IssuedToken token = world.tokenFactory.mint(acme, client, "user-42", Scope.of("a"),
                Map.of("preferred_username", "jane"));
        AccessTokenClaims claims = world.signer.lastClaims();

        assertEquals("user-42", claims.subject(), "the subject is the one given, not always the client");
        assertEquals("web", claims.clientId());
        assertEquals("acme", claims.tenant());
        assertEquals("https://id.example.com/auth/realms/acme", claims.issuer());
        assertEquals("https://id.example.com/auth/realms/acme", claims.audience());
        assertEquals(Scope.of("a"), claims.scope());
        assertEquals(Map.of("preferred_username", "jane"), claims.extra());
        assertEquals("jti-1", claims.tokenId());
        assertEquals(FakeTokenSigner.tokenOf("kid-1", claims), token.accessToken());
        assertEquals(Scope.of("a"), token.scope());
    }

    @Test
    void issuedAtIsTruncatedToTheSecondAndExpiresInEqualsExpMinusIat() {
        Client client = TestWorld.client(acme, "web").build();
        IssuedToken token = world.tokenFactory.mint(acme, client, "web", Scope.EMPTY, Map.of());
        AccessTokenClaims claims = world.signer.lastClaims();
        assertEquals(Instant.parse("2026-11-22T10:00:00Z"), claims.issuedAt());
        assertEquals(Instant.parse("2026-11-22T10:15:00Z"), claims.expiresAt());
        assertEquals(Duration.ofSeconds(900), token.expiresIn());
        assertEquals(Duration.between(claims.issuedAt(), claims.expiresAt()), token.expiresIn());
        assertEquals(claims.expiresAt(), token.expiresAt());
        assertTrue(token.refreshToken().isEmpty());
    }

    @Test
    void theClientsLifetimeWinsOverTheTenantDefault() {
        Client client = TestWorld.client(acme, "web").lifetimes(86_400).build();
        IssuedToken token = world.tokenFactory.mint(acme, client, "web", Scope.EMPTY, Map.of());
        assertEquals(Duration.ofDays(1), token.expiresIn());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), world.signer.lastClaims().expiresAt());
    }

    @Test
    void eachTenantSignsWithItsOwnKey() {
        Tenant shop = world.addTenant("shop");
        world.tokenFactory.mint(acme, TestWorld.client(acme, "a").build(), "a", Scope.EMPTY, Map.of());
        world.tokenFactory.mint(shop, TestWorld.client(shop, "s").build(), "s", Scope.EMPTY, Map.of());
        world.tokenFactory.mint(acme, TestWorld.client(acme, "a").build(), "a", Scope.EMPTY, Map.of());
        assertEquals(java.util.List.of("kid-1", "kid-2", "kid-1"), world.signer.keyIds);
        assertEquals("shop", world.signer.signedClaims.get(1).tenant());
    }
}
