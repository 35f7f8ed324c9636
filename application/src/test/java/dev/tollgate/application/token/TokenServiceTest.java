package dev.tollgate.application.token;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.fake.FakeTokenSigner;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint use case end to end on fakes: authentication, dispatch, and the client credentials grant. */
class TokenServiceTest {

    private TestWorld world;
    private Tenant acme;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.tenants.put(TestWorld.tenant("acme").lifetimes(1800).build());
        world.addClient(acme, "backend", "s3cret", "orders:read", "orders:write", "catalog");
    }

    // ---- request shape

    @Test
    void missingGrantTypeIsInvalidRequest() {
        OAuthError error = failure(world.tokenService.requestToken(
                new TokenRequest(acme, post("backend", "s3cret"), Map.of("scope", "catalog"))));
        assertEquals(OAuthErrorCode.INVALID_REQUEST, error.code());
        assertTrue(error.description().contains("grant_type"), error.description());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void missingGrantTypeWinsOverBadCredentials() {
        OAuthError error = failure(world.tokenService.requestToken(
                new TokenRequest(acme, post("nobody", "nothing"), Map.of())));
        assertEquals(OAuthErrorCode.INVALID_REQUEST, error.code());
    }

    @Test
    void blankGrantTypeIsAnOAuthErrorNotAnException() {
        Outcome<IssuedToken> outcome = assertDoesNotThrow(() -> world.tokenService.requestToken(
                new TokenRequest(acme, post("backend", "s3cret"), Map.of("grant_type", " "))));
        OAuthErrorCode code = failure(outcome).code();
        assertTrue(code == OAuthErrorCode.INVALID_REQUEST || code == OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
                "got " + code);
    }

    // ---- client authentication

    @Test
    void unknownClientIsInvalidClient() {
        OAuthError error = failure(world.tokenService.requestToken(request(post("nobody", "s3cret"))));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code());
        assertEquals(OAuthError.Cause.GENERAL, error.cause());
    }

    @Test
    void wrongSecretIsInvalidClientAndIndistinguishableFromAnUnknownClient() {
        OAuthError wrong = failure(world.tokenService.requestToken(request(post("backend", "s3cret!"))));
        OAuthError unknown = failure(world.tokenService.requestToken(request(post("nobody", "s3cret"))));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, wrong.code());
        assertEquals(unknown, wrong, "same code, description and cause");
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void secretIsCaseSensitive() {
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("backend", "S3CRET")))).code());
    }

    @Test
    void absentCredentialsAreInvalidClient() {
        OAuthError error = failure(world.tokenService.requestToken(request(new ClientCredentials.Absent())));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code());
        assertEquals(OAuthError.Cause.GENERAL, error.cause());
    }

    @Test
    void basicFailureCarriesTheBasicCause() {
        OAuthError wrongSecret = failure(world.tokenService.requestToken(
                request(new ClientCredentials.SecretBasic("backend", "wrong"))));
        OAuthError unknownClient = failure(world.tokenService.requestToken(
                request(new ClientCredentials.SecretBasic("nobody", "s3cret"))));
        for (OAuthError error : List.of(wrongSecret, unknownClient)) {
            assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code());
            assertEquals(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED, error.cause());
        }
    }

    @Test
    void postFailureDoesNotCarryTheBasicCause() {
        assertEquals(OAuthError.Cause.GENERAL,
                failure(world.tokenService.requestToken(request(post("backend", "wrong")))).cause());
    }

    @Test
    void aSecretClientMayAuthenticateInTheHeaderOrTheBody() {
        world.clients.put(TestWorld.client(acme, "poster")
                .authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_POST).scopes("catalog").build(),
                TestWorld.secret("p"));
        success(world.tokenService.requestToken(request(new ClientCredentials.SecretBasic("backend", "s3cret"))));
        success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        success(world.tokenService.requestToken(request(new ClientCredentials.SecretBasic("poster", "p"))));
        success(world.tokenService.requestToken(request(post("poster", "p"))));
    }

    @Test
    void disabledClientIsInvalidClientEvenWithTheRightSecret() {
        world.clients.put(TestWorld.client(acme, "sleeping").scopes("catalog").disabled().build(),
                TestWorld.secret("x"));
        OAuthError error = failure(world.tokenService.requestToken(request(post("sleeping", "x"))));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void expiredSecretIsRefusedAndASecretInGraceIsAccepted() {
        world.clients.put(TestWorld.client(acme, "rotating").scopes("catalog").build(),
                TestWorld.secret("new"),
                TestWorld.secretUntil("old-in-grace", TestWorld.NOW.plusSeconds(3600)),
                TestWorld.secretUntil("old-expired", TestWorld.NOW.minusSeconds(1)));

        success(world.tokenService.requestToken(request(post("rotating", "new"))));
        success(world.tokenService.requestToken(request(post("rotating", "old-in-grace"))));
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("rotating", "old-expired")))).code());
    }

    @Test
    void aSecretStopsWorkingAtItsNotAfterInstant() {
        Instant notAfter = TestWorld.NOW.plusSeconds(60);
        world.clients.put(TestWorld.client(acme, "rotating").scopes("catalog").build(),
                TestWorld.secretUntil("old", notAfter));

        world.clock.set(notAfter.minusMillis(1));
        success(world.tokenService.requestToken(request(post("rotating", "old"))));
        world.clock.set(notAfter);
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("rotating", "old")))).code());
        world.clock.set(notAfter.plusSeconds(1));
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("rotating", "old")))).code());
    }

    @Test
    void twoValidSecretsBothWork() {
        world.clients.put(TestWorld.client(acme, "two").scopes("catalog").build(),
                TestWorld.secret("first"), TestWorld.secret("second"));
        success(world.tokenService.requestToken(request(post("two", "first"))));
        success(world.tokenService.requestToken(request(post("two", "second"))));
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("two", "third")))).code());
    }

    @Test
    void publicClientWithClientIdOnlyIsNotAllowedClientCredentials() {
        world.clients.put(TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE)
                .scopes("catalog").build());
        OAuthError error = failure(world.tokenService.requestToken(
                request(new ClientCredentials.ClientIdOnly("spa"))));
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT, error.code());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void publicClientPresentingASecretIsInvalidClient() {
        world.clients.put(TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE)
                .scopes("catalog").build());
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("spa", "anything")))).code());
    }

    @Test
    void confidentialClientPresentingOnlyItsIdIsInvalidClient() {
        OAuthError error = failure(world.tokenService.requestToken(
                request(new ClientCredentials.ClientIdOnly("backend"))));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void unknownClientPresentingOnlyAnIdIsInvalidClient() {
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failure(world.tokenService.requestToken(
                request(new ClientCredentials.ClientIdOnly("nobody")))).code());
    }

    @Test
    void privateKeyJwtClientCannotAuthenticateWithASharedSecret() {
        world.clients.put(TestWorld.client(acme, "jwt-client")
                .authMethod(TokenEndpointAuthMethod.PRIVATE_KEY_JWT).scopes("catalog").build(),
                TestWorld.secret("leftover"));
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("jwt-client", "leftover")))).code());
    }

    @Test
    void aClientOfAnotherTenantDoesNotAuthenticateHere() {
        Tenant shop = world.addTenant("shop");
        world.addClient(shop, "shop-backend", "shop-secret", "catalog");
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("shop-backend", "shop-secret")))).code());
        // the same client_id in two tenants is two clients, each with its own secrets
        world.addClient(shop, "backend", "other-secret", "catalog");
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failure(world.tokenService.requestToken(request(post("backend", "other-secret")))).code());
        success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
    }

    // ---- dispatch

    @Test
    void unsupportedGrantTypeIsUnsupportedGrantType() {
        OAuthError error = failure(world.tokenService.requestToken(new TokenRequest(acme, post("backend", "s3cret"),
                Map.of("grant_type", "urn:example:made-up"))));
        assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, error.code());
        assertTrue(error.description().contains("urn:example:made-up"), error.description());
    }

    @Test
    void grantTypeIsMatchedExactly() {
        OAuthError error = failure(world.tokenService.requestToken(new TokenRequest(acme, post("backend", "s3cret"),
                Map.of("grant_type", "CLIENT_CREDENTIALS"))));
        assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, error.code());
    }

    @Test
    void grantTypeNotAllowedForTheClientIsUnauthorizedClient() {
        world.clients.put(TestWorld.client(acme, "code-only").grantTypes(new GrantType("authorization_code"))
                .scopes("catalog").build(), TestWorld.secret("x"));
        OAuthError error = failure(world.tokenService.requestToken(request(post("code-only", "x"))));
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT, error.code());
        assertTrue(error.description().contains("client_credentials"), error.description());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    // ---- client credentials

    @Test
    void tokenIsForTheClientItself() {
        IssuedToken token = success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        AccessTokenClaims claims = world.signer.lastClaims();

        assertAll(
                () -> assertEquals("backend", claims.subject()),
                () -> assertEquals("backend", claims.clientId()),
                () -> assertEquals("acme", claims.tenant()),
                () -> assertEquals("https://id.example.com/auth/realms/acme", claims.issuer()),
                () -> assertEquals("https://id.example.com/auth/realms/acme", claims.audience()),
                () -> assertEquals("jti-1", claims.tokenId()),
                () -> assertEquals(Map.of(), claims.extra()),
                () -> assertEquals(FakeTokenSigner.tokenOf("kid-1", claims), token.accessToken()),
                () -> assertTrue(token.accessToken().startsWith("signed:kid-1:")),
                () -> assertTrue(token.refreshToken().isEmpty(), "no refresh token (RFC 6749 §4.4.3)"));
    }

    @Test
    void lifetimeIsTheTenantDefaultWhenTheClientHasNone() {
        IssuedToken token = success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        AccessTokenClaims claims = world.signer.lastClaims();

        // iat is truncated to whole seconds so that exp - iat equals expires_in
        assertEquals(Instant.parse("2026-11-22T10:00:00Z"), claims.issuedAt());
        assertEquals(Duration.ofSeconds(1800), Duration.between(claims.issuedAt(), claims.expiresAt()));
        assertEquals(Duration.ofSeconds(1800), token.expiresIn());
        assertEquals(claims.expiresAt(), token.expiresAt());
    }

    @Test
    void lifetimeIsTheClientsWhenItHasOne() {
        world.clients.put(TestWorld.client(acme, "short").lifetimes(120).scopes("catalog").build(),
                TestWorld.secret("x"));
        IssuedToken token = success(world.tokenService.requestToken(request(post("short", "x"))));
        AccessTokenClaims claims = world.signer.lastClaims();
        assertEquals(Duration.ofSeconds(120), Duration.between(claims.issuedAt(), claims.expiresAt()));
        assertEquals(Duration.ofSeconds(120), token.expiresIn());
        assertEquals(Instant.parse("2026-11-22T10:02:00Z"), token.expiresAt());
    }

    @Test
    void issuedAtFollowsTheClock() {
        world.clock.advance(Duration.ofMinutes(5));
        success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        assertEquals(Instant.parse("2026-11-22T10:05:00Z"), world.signer.lastClaims().issuedAt());
    }

    @Test
    void everyTokenHasItsOwnId() {
        success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        assertNotEquals(world.signer.signedClaims.get(0).tokenId(), world.signer.signedClaims.get(1).tokenId());
    }

    @Test
    void issuerAndAudienceHonourTenantOverrides() {
        Tenant custom = world.tenants.put(TestWorld.tenant("custom").issuer("https://login.shop.example/")
                .audience("https://api.shop.example").build());
        world.addClient(custom, "svc", "x", "catalog");
        success(world.tokenService.requestToken(
                new TokenRequest(custom, post("svc", "x"), Map.of("grant_type", "client_credentials"))));
        AccessTokenClaims claims = world.signer.lastClaims();
        assertEquals("https://login.shop.example/", claims.issuer());
        assertEquals("https://api.shop.example", claims.audience());
        assertEquals("custom", claims.tenant());
    }

    @Test
    void issuerIsBuiltFromThePublicUrlOfTheSettings() {
        TestWorld other = new TestWorld(new ServiceSettings(URI.create("https://auth.example.org:8443/base"),
                Optional.empty()));
        Tenant tenant = other.addTenant("eu-prod");
        other.addClient(tenant, "svc", "x", "catalog");
        success(other.tokenService.requestToken(
                new TokenRequest(tenant, post("svc", "x"), Map.of("grant_type", "client_credentials"))));
        assertEquals("https://auth.example.org:8443/base/auth/realms/eu-prod", other.signer.lastClaims().issuer());
        assertEquals("https://auth.example.org:8443/base/auth/realms/eu-prod",
                other.signer.lastClaims().audience());
    }

    @Test
    void withoutAScopeTheTokenGetsAllTheClientsScopes() {
        IssuedToken token = success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        Scope all = Scope.of("orders:read", "orders:write", "catalog");
        assertEquals(all, token.scope());
        assertEquals(all, world.signer.lastClaims().scope());
    }

    @Test
    void aBlankScopeMeansNoScopeRequested() {
        IssuedToken token = success(world.tokenService.requestToken(
                request(post("backend", "s3cret"), Map.of("scope", "   "))));
        assertEquals(Scope.of("orders:read", "orders:write", "catalog"), token.scope());
    }

    @Test
    void aRequestedScopeNarrowsTheToken() {
        IssuedToken token = success(world.tokenService.requestToken(
                request(post("backend", "s3cret"), Map.of("scope", "catalog orders:read"))));
        assertEquals(Scope.of("catalog", "orders:read"), token.scope());
        assertEquals(List.of("catalog", "orders:read"), List.copyOf(token.scope().tokens()), "order as requested");
        assertEquals("catalog orders:read", world.signer.lastClaims().scope().value());
    }

    @Test
    void aScopeBeyondTheClientsIsInvalidScopeNamingIt() {
        OAuthError error = failure(world.tokenService.requestToken(
                request(post("backend", "s3cret"), Map.of("scope", "catalog admin"))));
        assertEquals(OAuthErrorCode.INVALID_SCOPE, error.code());
        assertTrue(error.description().contains("admin"), error.description());
        assertFalse(error.description().contains("catalog"), error.description());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void aMalformedScopeIsInvalidScope() {
        for (String malformed : List.of("catalog \"quoted\"", "back\\slash", "caf\u00e9", "tab\tcatalog")) {
            OAuthError error = failure(world.tokenService.requestToken(
                    request(post("backend", "s3cret"), Map.of("scope", malformed))));
            assertEquals(OAuthErrorCode.INVALID_SCOPE, error.code(), malformed);
        }
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void legacyClientGetsAnEmptyScopeAndMayNotAskForOne() {
        world.clients.put(TestWorld.client(acme, "legacy").legacyApis().build(), TestWorld.secret("x"));
        IssuedToken token = success(world.tokenService.requestToken(request(post("legacy", "x"))));
        assertTrue(token.scope().isEmpty());
        assertTrue(world.signer.lastClaims().scope().isEmpty());
        assertEquals(OAuthErrorCode.INVALID_SCOPE, failure(world.tokenService.requestToken(
                request(post("legacy", "x"), Map.of("scope", "catalog")))).code());
    }

    @Test
    void theSameKeySignsEveryTokenOfATenant() {
        success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        success(world.tokenService.requestToken(request(post("backend", "s3cret"))));
        assertEquals(List.of("kid-1", "kid-1"), world.signer.keyIds);
        assertEquals(1, world.vault.generateCalls);
        assertEquals(1, world.vault.openCalls);
    }

    private TokenRequest request(ClientCredentials credentials) {
        return request(credentials, Map.of());
    }

    private TokenRequest request(ClientCredentials credentials, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put("grant_type", "client_credentials");
        return new TokenRequest(acme, credentials, parameters);
    }

    private static ClientCredentials post(String clientId, String secret) {
        return new ClientCredentials.SecretPost(clientId, secret);
    }
}
