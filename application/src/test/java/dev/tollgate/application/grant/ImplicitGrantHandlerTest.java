package dev.tollgate.application.grant;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.token.TokenEndpointRules;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moltin's implicit token, the handler on its own, given a client already named by its client_id. */
class ImplicitGrantHandlerTest {

    private TestWorld world;
    private ImplicitGrantHandler handler;
    private Tenant acme;
    private Client storefront;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        handler = new ImplicitGrantHandler(world.tokenFactory);
        acme = world.tenants.put(TestWorld.tenant("acme").lifetimes(1800).build());
        // the client itself holds far more than a browser token may carry
        storefront = TestWorld.client(acme, "storefront")
                .grantTypes(GrantType.CLIENT_CREDENTIALS, GrantType.IMPLICIT)
                .scopes("orders:read", "orders:write", "customers:write", "catalog:read").build();
    }

    private GrantRequest moltin(Client client, Map<String, String> parameters) {
        return new GrantRequest(acme, client, parameters, TokenRequest.UNKNOWN_ENDPOINT, TestWorld.MOLTIN_RULES);
    }

    @Test
    void answersImplicitAndOnlyWhereADialectNamesIt() {
        assertEquals(GrantType.IMPLICIT, handler.grantType());
        assertFalse(handler.generalPurpose(), "to OAuth clients 'implicit' is a redirect flow");
        assertInstanceOf(PublishableTokenGrantHandler.class, handler);
        assertFalse(TokenEndpointRules.STANDARD.serves(handler));
        assertTrue(TestWorld.MOLTIN_RULES.serves(handler));
    }

    @Test
    void theTokenIsTheClientsOwnWithTheTenantsImplicitScopeAndNoMore() {
        IssuedToken token = success(handler.handle(moltin(storefront, Map.of())));
        AccessTokenClaims claims = world.signer.lastClaims();
        assertAll(
                () -> assertEquals("storefront", claims.subject()),
                () -> assertEquals("storefront", claims.clientId()),
                () -> assertEquals("acme", claims.tenant()),
                () -> assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, token.scope()),
                () -> assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, claims.scope()),
                () -> assertFalse(claims.scope().tokens().contains("orders:read"), "not the client's scopes"),
                () -> assertEquals(Map.of(AccessTokenClaims.GRANT_TYPE_CLAIM, "implicit"), claims.extra()),
                () -> assertEquals("gty", AccessTokenClaims.GRANT_TYPE_CLAIM),
                () -> assertTrue(token.refreshToken().isEmpty(), "no refresh token: the storefront asks again"));
    }

    @Test
    void theScopeIsTheTenantsOwnImplicitScopeWhateverTheClientHolds() {
        Tenant narrow = world.tenants.put(acme.withImplicitScope(Scope.of("catalog:read", "carts:read")));
        Client legacy = TestWorld.client(acme, "legacy").grantTypes(GrantType.IMPLICIT).legacyApis().build();
        Client bare = TestWorld.client(acme, "bare").grantTypes(GrantType.IMPLICIT).build();
        for (Client client : List.of(storefront, legacy, bare)) {
            IssuedToken token = success(handler.handle(new GrantRequest(narrow, client, Map.of(),
                    TokenRequest.UNKNOWN_ENDPOINT, TestWorld.MOLTIN_RULES)));
            assertEquals(Scope.of("catalog:read", "carts:read"), token.scope(), client.clientId());
            assertEquals(Scope.of("catalog:read", "carts:read"), world.signer.lastClaims().scope(), client.clientId());
        }
    }

    @Test
    void aTenantWithAnEmptyImplicitScopeIssuesTokensWithoutScope() {
        Tenant none = world.tenants.put(acme.withImplicitScope(Scope.EMPTY));
        IssuedToken token = success(handler.handle(new GrantRequest(none, storefront, Map.of(),
                TokenRequest.UNKNOWN_ENDPOINT, TestWorld.MOLTIN_RULES)));
        assertTrue(token.scope().isEmpty());
        assertTrue(world.signer.lastClaims().scope().isEmpty());
    }

    @Test
    void aRequestedScopeWithinTheImplicitScopeNarrowsTheToken() {
        IssuedToken token = success(handler.handle(moltin(storefront, Map.of("scope", "carts:read catalog:read"))));
        assertEquals(Scope.of("carts:read", "catalog:read"), token.scope());
        assertEquals("carts:read catalog:read", world.signer.lastClaims().scope().value());
    }

    @Test
    void aScopeTheClientHoldsButTheImplicitScopeDoesNotIsInvalidScope() {
        OAuthError error = failure(handler.handle(moltin(storefront, Map.of("scope", "catalog:read orders:read"))));
        assertEquals(OAuthErrorCode.INVALID_SCOPE, error.code());
        assertTrue(error.description().contains("orders:read"), error.description());
        assertTrue(world.signer.signedClaims.isEmpty());
        assertEquals(0, world.vault.generateCalls, "no key is created for a refused request");
    }

    @Test
    void aMalformedScopeIsInvalidScope() {
        for (String malformed : List.of("catalog:read \"quoted\"", "back\\slash", "caf\u00e9", "tab\tcarts:read")) {
            assertEquals(OAuthErrorCode.INVALID_SCOPE,
                    failure(handler.handle(moltin(storefront, Map.of("scope", malformed)))).code(), malformed);
        }
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void lifetimeIsTheClientsWhenItHasOne() {
        Client shortLived = TestWorld.client(acme, "short").grantTypes(GrantType.IMPLICIT).lifetimes(120).build();
        IssuedToken token = success(handler.handle(moltin(shortLived, Map.of())));
        AccessTokenClaims claims = world.signer.lastClaims();
        assertEquals(Duration.ofSeconds(120), token.expiresIn());
        assertEquals(Duration.ofSeconds(120), Duration.between(claims.issuedAt(), claims.expiresAt()));
        assertEquals(Instant.parse("2026-11-22T10:02:00Z"), token.expiresAt());
    }

    @Test
    void lifetimeIsTheEndpointsWhenTheClientHasNone() {
        IssuedToken token = success(handler.handle(moltin(storefront, Map.of())));
        AccessTokenClaims claims = world.signer.lastClaims();
        assertEquals(Duration.ofHours(1), token.expiresIn(), "the Moltin hour, not the tenant's 30 minutes");
        assertEquals(Duration.ofHours(1), Duration.between(claims.issuedAt(), claims.expiresAt()));
        assertEquals(Instant.parse("2026-11-22T11:00:00Z"), token.expiresAt());

        TokenEndpointRules fiveMinutes = TokenEndpointRules.only(Set.of(GrantType.IMPLICIT), Duration.ofMinutes(5));
        IssuedToken other = success(handler.handle(new GrantRequest(acme, storefront, Map.of(),
                TokenRequest.UNKNOWN_ENDPOINT, fiveMinutes)));
        assertEquals(Duration.ofMinutes(5), other.expiresIn());
    }

    @Test
    void lifetimeIsTheTenantsWhenNeitherTheClientNorTheEndpointHasOne() {
        IssuedToken token = success(handler.handle(new GrantRequest(acme, storefront, Map.of())));
        assertEquals(Duration.ofSeconds(1800), token.expiresIn());
        TokenEndpointRules noLifetime = new TokenEndpointRules(
                java.util.Optional.of(Set.of(GrantType.IMPLICIT)), java.util.Optional.empty());
        assertEquals(Duration.ofSeconds(1800), success(handler.handle(new GrantRequest(acme, storefront, Map.of(),
                TokenRequest.UNKNOWN_ENDPOINT, noLifetime))).expiresIn());
    }

    @Test
    void aPublicClientAllowedImplicitGetsTheSameNarrowToken() {
        Client spa = TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE)
                .grantTypes(GrantType.IMPLICIT).scopes("orders:read").build();
        IssuedToken token = success(handler.handle(moltin(spa, Map.of())));
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, token.scope());
        assertEquals("spa", world.signer.lastClaims().subject());
    }

    @Test
    void everyTokenHasItsOwnId() {
        success(handler.handle(moltin(storefront, Map.of())));
        success(handler.handle(moltin(storefront, Map.of())));
        assertEquals(List.of("jti-1", "jti-2"),
                world.signer.signedClaims.stream().map(AccessTokenClaims::tokenId).toList());
    }
}
