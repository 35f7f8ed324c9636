package dev.tollgate.application.grant;

import static dev.tollgate.application.fake.FakeAssertionVerifier.claims;
import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.fake.CountingSecretDigester;
import dev.tollgate.application.fake.FakeAssertionReplayStore;
import dev.tollgate.application.fake.FakeAssertionVerifier;
import dev.tollgate.application.fake.FakeIdTokenSigner;
import dev.tollgate.application.fake.FakeSecretSealer;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.token.IdTokens;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.application.token.TokenService;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientJwks;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.View;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IdTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.user.User;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of the JWT bearer grant, through TokenService as the endpoints call it, on fakes. */
class JwtBearerGrantHandlerTest {

    private static final String SECRET = "storefront-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String EMAIL = "root@storefront.run";
    private static final URI ENDPOINT = URI.create("https://shop.example.com/oauth/token");
    private static final String ISSUER = "https://id.example.com/auth/realms/acme";
    /** The seed's assertion is issued right before it is sent; the clock is not on a whole second. */
    private static final Instant IAT = TestWorld.NOW.truncatedTo(ChronoUnit.SECONDS);

    private TestWorld world;
    private final FakeAssertionVerifier verifier = new FakeAssertionVerifier();
    private final FakeSecretSealer sealer = new FakeSecretSealer();
    private final FakeAssertionReplayStore replays = new FakeAssertionReplayStore();
    private final FakeIdTokenSigner idSigner = new FakeIdTokenSigner();
    private JwtBearerGrantHandler handler;
    private TokenService tokens;
    private Tenant acme;
    private User root;
    private Client storefront;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        handler = new JwtBearerGrantHandler(world.clients, world.users, verifier, sealer, replays, world.tokenFactory,
                new IdTokens(world.signingKeys, idSigner, world.settings), world.transactions, world.settings,
                JwtBearerSettings.DEFAULT, world.clock);
        tokens = new TokenService(world.authenticator, new GrantHandlers(List.of(handler,
                new ClientCredentialsGrantHandler(world.tokenFactory))), world.deprecations, world.usage,
                world.userAuthenticator, world.requestRates);
        acme = world.tenants.put(TestWorld.tenant("acme").build());
        root = addUser(acme, EMAIL, "Root", Optional.empty(), true);
        storefront = addClient(TestWorld.client(acme, "c6b39d0c").scopes("catalog", "orders")
                .grantTypes(GrantType.JWT_BEARER, GrantType.CLIENT_CREDENTIALS).build(), sealed(acme, "c6b39d0c", SECRET));
    }

    // ---- the seed's call

    @Test
    void answersTheJwtBearerGrantTypeWithoutClientAuthentication() {
        assertEquals(GrantType.JWT_BEARER, handler.grantType());
        assertTrue(handler instanceof SelfAuthenticatingGrantHandler);
    }

    @Test
    void theSeedsAssertionGivesAnAccessTokenAndAnIdTokenButNoRefreshToken() {
        IssuedToken issued = success(request(verifier.sign(seed(), SECRET)));

        AccessTokenClaims access = world.signer.lastClaims();
        assertEquals(root.id().toString(), access.subject());
        assertEquals("c6b39d0c", access.clientId());
        assertEquals(ISSUER, access.issuer());
        assertEquals(Scope.of("catalog", "orders"), access.scope());
        assertEquals("c6b39d0c", access.extra().get("azp"));
        assertEquals("jwt-bearer", access.extra().get("gty"));
        assertFalse(access.extra().containsKey("view"), "no view anywhere: no claim");
        assertTrue(issued.refreshToken().isEmpty());
        assertEquals(Duration.ofSeconds(3600), issued.expiresIn());

        assertTrue(issued.idToken().isPresent());
        IdTokenClaims id = idSigner.lastClaims();
        assertEquals(ISSUER, id.issuer());
        assertEquals(root.id().toString(), id.subject());
        assertEquals("c6b39d0c", id.audience());
        assertEquals(EMAIL, id.email());
        assertEquals(Optional.of("Root"), id.name());
        assertEquals(access.issuedAt(), id.issuedAt());
        assertEquals(access.expiresAt(), id.expiresAt());
        assertTrue(issued.idToken().get().contains(world.signingKeys.activeKey(acme).keyId()),
                "signed by the tenant's active key");
    }

    @Test
    void theSubjectIsFoundByEmailIgnoringCase() {
        success(request(verifier.sign(seed().sub("ROOT@Storefront.run"), SECRET)));
        assertEquals(root.id().toString(), world.signer.lastClaims().subject());
    }

    @Test
    void aRequestedScopeNarrowsTheClientsScopes() {
        assertEquals(Scope.of("orders"), success(request(verifier.sign(seed(), SECRET), Map.of("scope", "orders")))
                .scope());
        assertEquals(OAuthErrorCode.INVALID_SCOPE,
                failure(request(verifier.sign(seed(), SECRET), Map.of("scope", "admin"))).code());
    }

    // ---- the request

    @Test
    void aMissingAssertionIsAnInvalidRequest() {
        assertEquals(OAuthErrorCode.INVALID_REQUEST, failure(tokens.requestToken(new TokenRequest(acme,
                new ClientCredentials.Absent(), Map.of("grant_type", GrantType.JWT_BEARER.value()), ENDPOINT))).code());
    }

    @Test
    void aMalformedAssertionIsAnInvalidGrant() {
        assertInvalidGrant(request("not-a-jwt"));
    }

    // ---- the issuer: the client

    @Test
    void anAssertionWithoutIssuerIsRefused() {
        assertInvalidGrant(request(verifier.sign(seed().noIss(), SECRET)));
    }

    @Test
    void anUnknownIssuerIsAnInvalidGrant() {
        assertInvalidGrant(request(verifier.sign(seed().iss("nobody"), SECRET)));
    }

    @Test
    void aDisabledClientIsAnInvalidGrant() {
        addClient(TestWorld.client(acme, "off").grantTypes(GrantType.JWT_BEARER).disabled().build(),
                sealed(acme, "off", SECRET));
        assertInvalidGrant(request(verifier.sign(seed().iss("off"), SECRET)));
    }

    @Test
    void aClientOfAnotherTenantIsUnknownHere() {
        Tenant other = world.tenants.put(TestWorld.tenant("other").build());
        addClient(TestWorld.client(other, "elsewhere").grantTypes(GrantType.JWT_BEARER).build(),
                sealed(other, "elsewhere", SECRET));
        assertInvalidGrant(request(verifier.sign(seed().iss("elsewhere"), SECRET)));
    }

    @Test
    void theBuiltInV0ClientCannotBeTheIssuer() {
        world.clients.put(LegacyV0Client.forTenant(acme.id()));
        assertInvalidGrant(request(verifier.sign(seed().iss(LegacyV0Client.CLIENT_ID), SECRET)));
    }

    @Test
    void aClientNotAllowedTheGrantIsAnUnauthorizedClient() {
        addClient(TestWorld.client(acme, "backend").build(), sealed(acme, "backend", SECRET));
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                failure(request(verifier.sign(seed().iss("backend"), SECRET))).code());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    // ---- the signature

    @Test
    void anAssertionSignedWithAnotherSecretIsRefused() {
        assertInvalidGrant(request(verifier.sign(seed(), "another-secret-0123456789abcdefghijklmnopqrstuvwxyz")));
    }

    @Test
    void everySecretWithinItsRotationGraceVerifiesAndNoneAfter() {
        String old = "old-secret-0123456789abcdefghijklmnopqrstuvwxyz";
        addClient(storefront, sealed(acme, "c6b39d0c", SECRET),
                new StoredSecret(CountingSecretDigester.digestOf(old), TestWorld.NOW.minusSeconds(86_400),
                        Optional.of(TestWorld.NOW.plusSeconds(60)), Optional.of(sealer.seal(acme.id(), "c6b39d0c", old))));
        success(request(verifier.sign(seed(), old)));
        success(request(verifier.sign(seed(), SECRET)));

        world.clock.advance(Duration.ofSeconds(61));
        assertInvalidGrant(request(verifier.sign(seed().iat(world.clock.instant()), old)));
        success(request(verifier.sign(seed().iat(world.clock.instant()), SECRET)));
    }

    @Test
    void aSecretKnownOnlyByItsDigestCannotVerifyHs256() {
        addClient(storefront, TestWorld.secret(SECRET));
        OAuthError error = failure(request(verifier.sign(seed(), SECRET)));
        assertEquals(OAuthErrorCode.INVALID_GRANT, error.code());
        assertTrue(error.description().contains("rotate"), error.description());
    }

    @Test
    void aSealedSecretCopiedFromAnotherClientDoesNotOpen() {
        addClient(storefront, sealed(acme, "someone-else", SECRET));
        assertInvalidGrant(request(verifier.sign(seed(), SECRET)));
    }

    @Test
    void hs256IsRefusedFromAClientWithRegisteredKeys() {
        addClient(storefront.withJwks(Optional.of(jwks("key-1"))), sealed(acme, "c6b39d0c", SECRET));
        OAuthError error = failure(request(verifier.sign(seed(), SECRET)));
        assertEquals(OAuthErrorCode.INVALID_GRANT, error.code());
        assertTrue(error.description().contains("registered public keys"), error.description());
    }

    @Test
    void rs256AndEs256AreRefusedFromAClientWithoutRegisteredKeys() {
        assertInvalidGrant(request(verifier.sign(seed().alg(AssertionAlgorithm.RS256), SECRET)));
        assertInvalidGrant(request(verifier.sign(seed().alg(AssertionAlgorithm.ES256).kid("key-1"), "key-1")));
    }

    @Test
    void rs256AndEs256VerifyWithTheClientsRegisteredKeys() {
        addClient(storefront.withJwks(Optional.of(jwks("rsa-1", "ec-1"))));
        success(request(verifier.sign(seed().alg(AssertionAlgorithm.RS256).kid("rsa-1"), "rsa-1")));
        success(request(verifier.sign(seed().alg(AssertionAlgorithm.ES256).kid("ec-1"), "ec-1")));
        assertInvalidGrant(request(verifier.sign(seed().alg(AssertionAlgorithm.RS256).kid("rsa-9"), "rsa-9")));
    }

    // ---- time

    @Nested
    class Time {

        @Test
        void iatIsRequired() {
            assertInvalidGrant(request(verifier.sign(seed().noIat(), SECRET)));
        }

        @Test
        void iatMayBeAheadByTheClockSkewButNoMore() {
            success(request(verifier.sign(seed().iat(TestWorld.NOW.plusSeconds(60)), SECRET)));
            assertInvalidGrant(request(verifier.sign(seed().iat(TestWorld.NOW.plusSeconds(61)), SECRET)));
        }

        @Test
        void iatMayBeAsOldAsMaxAgePlusSkewButNoOlder() {
            success(request(verifier.sign(seed().iat(TestWorld.NOW.minusSeconds(360)), SECRET)));
            assertInvalidGrant(request(verifier.sign(seed().iat(TestWorld.NOW.minusSeconds(361)), SECRET)));
        }

        @Test
        void theSeedsSampleAssertionOfFebruary2024IsLongExpired() {
            assertInvalidGrant(request(verifier.sign(seed().iat(Instant.ofEpochSecond(1708072005)), SECRET)));
        }

        @Test
        void expIsCheckedWithTheSkewWhenPresent() {
            success(request(verifier.sign(seed().exp(TestWorld.NOW.minusSeconds(59)), SECRET)));
            assertInvalidGrant(request(verifier.sign(seed().exp(TestWorld.NOW.minusSeconds(60)), SECRET)));
        }

        @Test
        void nbfIsCheckedWithTheSkewWhenPresent() {
            success(request(verifier.sign(seed().nbf(TestWorld.NOW.plusSeconds(60)), SECRET)));
            assertInvalidGrant(request(verifier.sign(seed().nbf(TestWorld.NOW.plusSeconds(61)), SECRET)));
        }

        @Test
        void theMaxAgeAndSkewAreSettings() {
            JwtBearerGrantHandler strict = new JwtBearerGrantHandler(world.clients, world.users, verifier, sealer,
                    replays, world.tokenFactory, new IdTokens(world.signingKeys, idSigner, world.settings),
                    world.transactions, world.settings,
                    new JwtBearerSettings(Duration.ofSeconds(30), Duration.ZERO), world.clock);
            assertInvalidGrant(strict.handleUnauthenticated(tokenRequest(verifier.sign(
                    seed().iat(TestWorld.NOW.minusSeconds(31)), SECRET), Map.of())));
            success(strict.handleUnauthenticated(tokenRequest(verifier.sign(
                    seed().iat(TestWorld.NOW.minusSeconds(30)), SECRET), Map.of())));
        }
    }

    // ---- audience

    @Test
    void anAudienceMayNameTheIssuerOrATokenEndpointOfTheTenant() {
        success(request(verifier.sign(seed().aud(ISSUER), SECRET)));
        success(request(verifier.sign(seed().aud(ISSUER + "/protocol/openid-connect/token"), SECRET)));
        success(request(verifier.sign(seed().aud(ENDPOINT.toString()), SECRET)));
        success(request(verifier.sign(seed().aud("https://someone.else", ISSUER), SECRET)));
    }

    @Test
    void anAudienceNamingSomeoneElseIsRefused() {
        assertInvalidGrant(request(verifier.sign(seed().aud("https://someone.else"), SECRET)));
        assertInvalidGrant(request(verifier.sign(seed().aud(), SECRET)));
        assertInvalidGrant(request(verifier.sign(seed().aud("https://id.example.com/auth/realms/other"), SECRET)));
    }

    @Test
    void theUnknownEndpointPlaceholderIsNoAudience() {
        assertInvalidGrant(handler.handleUnauthenticated(new TokenRequest(acme, new ClientCredentials.Absent(),
                Map.of("assertion", verifier.sign(seed().aud(TokenRequest.UNKNOWN_ENDPOINT.toString()), SECRET)))));
    }

    // ---- replay

    @Test
    void aJtiIsAcceptedOncePerClient() {
        success(request(verifier.sign(seed().jti("once"), SECRET)));
        OAuthError replay = failure(request(verifier.sign(seed().jti("once"), SECRET)));
        assertEquals(OAuthErrorCode.INVALID_GRANT, replay.code());
        assertTrue(replay.description().contains("jti"), replay.description());
        assertEquals(1, world.signer.signedClaims.size(), "no token for the replay");

        addClient(TestWorld.client(acme, "other").grantTypes(GrantType.JWT_BEARER).build(),
                sealed(acme, "other", SECRET));
        success(request(verifier.sign(seed().iss("other").jti("once"), SECRET)));
    }

    @Test
    void aJtiIsKeptUntilTheAssertionCouldNoLongerBeAccepted() {
        success(request(verifier.sign(seed().jti("by-age"), SECRET)));
        assertEquals(IAT.plusSeconds(300 + 60), keptUntil("by-age"));

        success(request(verifier.sign(seed().jti("by-exp").exp(IAT.plusSeconds(30)), SECRET)));
        assertEquals(IAT.plusSeconds(30 + 60), keptUntil("by-exp"));

        world.clock.advance(Duration.ofSeconds(361));
        success(request(verifier.sign(seed().jti("by-age").iat(world.clock.instant()), SECRET)));
    }

    @Test
    void aJtiThatCannotBeStoredIsRefused() {
        assertInvalidGrant(request(verifier.sign(seed().jti(""), SECRET)));
        assertInvalidGrant(request(verifier.sign(seed().jti("j".repeat(201)), SECRET)));
    }

    @Test
    void aRefusedAssertionDoesNotSpendItsJti() {
        assertInvalidGrant(request(verifier.sign(seed().jti("kept").aud("https://someone.else"), SECRET)));
        assertTrue(replays.kept.isEmpty());
        success(request(verifier.sign(seed().jti("kept"), SECRET)));
    }

    // ---- the subject: the user

    @Test
    void theSubjectMustBeAnEnabledUserOfTheTenant() {
        assertInvalidGrant(request(verifier.sign(seed().sub("nobody@storefront.run"), SECRET)));
        addUser(acme, "off@storefront.run", "Off", Optional.empty(), false);
        assertInvalidGrant(request(verifier.sign(seed().sub("off@storefront.run"), SECRET)));
        Tenant other = world.tenants.put(TestWorld.tenant("other").build());
        addUser(other, "elsewhere@storefront.run", "", Optional.empty(), true);
        assertInvalidGrant(request(verifier.sign(seed().sub("elsewhere@storefront.run"), SECRET)));
    }

    @Test
    void anAssertionWithoutSubjectIsRefused() {
        FakeAssertionVerifier.Claims noSub = claims().iss("c6b39d0c").iat(IAT);
        assertInvalidGrant(request(verifier.sign(noSub, SECRET)));
    }

    @Test
    void aTenantScopedClientActsForAnyUser() {
        User shopper = addUser(acme, "shopper@storefront.run", "", Optional.empty(), true);
        success(request(verifier.sign(seed().sub("shopper@storefront.run"), SECRET)));
        assertEquals(shopper.id().toString(), world.signer.lastClaims().subject());
        assertTrue(idSigner.lastClaims().name().isEmpty(), "a user without a name: no name claim");
    }

    @Test
    void aUserScopedClientActsOnlyForItsOwner() {
        User shopper = addUser(acme, "shopper@storefront.run", "", Optional.empty(), true);
        Client owned = TestWorld.client(acme, "mine").grantTypes(GrantType.JWT_BEARER).build();
        addClient(new Client(acme.id(), "mine", "mine", "", new ClientKind.UserScoped(root.id().toString()),
                owned.grantTypes(), ClientScopes.scoped(Scope.EMPTY), Optional.empty(), List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true), sealed(acme, "mine", SECRET));

        success(request(verifier.sign(seed().iss("mine"), SECRET)));
        OAuthError error = failure(request(verifier.sign(seed().iss("mine").sub(shopper.email()), SECRET)));
        assertEquals(OAuthErrorCode.INVALID_GRANT, error.code());
        assertTrue(error.description().contains("owner"), error.description());
    }

    // ---- view

    @Nested
    class Views {

        private final View tenantDefault = new View("default_view");
        private final View own = new View("own_view");

        @Test
        void withoutAViewClaimTheUsersViewApplies() {
            useTenant(Optional.of(tenantDefault));
            addUser(acme, "viewer@storefront.run", "", Optional.of(own), true);
            success(request(verifier.sign(seed().sub("viewer@storefront.run"), SECRET)));
            assertView(Optional.of("own_view"));
        }

        @Test
        void withoutAViewClaimOrAUserViewTheTenantDefaultApplies() {
            useTenant(Optional.of(tenantDefault));
            success(request(verifier.sign(seed(), SECRET)));
            assertView(Optional.of("default_view"));
        }

        @Test
        void anEmptyViewClaimMeansTheTenantDefaultEvenForAUserWithAView() {
            useTenant(Optional.of(tenantDefault));
            addUser(acme, "viewer@storefront.run", "", Optional.of(own), true);
            success(request(verifier.sign(seed().sub("viewer@storefront.run").view(""), SECRET)));
            assertView(Optional.of("default_view"));
        }

        @Test
        void anEmptyViewClaimWithoutTenantDefaultMeansNoView() {
            addUser(acme, "viewer@storefront.run", "", Optional.of(own), true);
            success(request(verifier.sign(seed().sub("viewer@storefront.run").view(""), SECRET)));
            assertView(Optional.empty());
        }

        @Test
        void aNamedViewIsTaken() {
            useTenant(Optional.of(tenantDefault));
            success(request(verifier.sign(seed().view("external_view"), SECRET)));
            assertView(Optional.of("external_view"));
        }

        @Test
        void aViewThatIsNoViewIdIsRefused() {
            assertInvalidGrant(request(verifier.sign(seed().view("two words"), SECRET)));
            assertInvalidGrant(request(verifier.sign(seed().view("v".repeat(101)), SECRET)));
        }

        private void useTenant(Optional<View> defaultView) {
            acme = world.tenants.put(acme.withDefaultView(defaultView));
        }

        private void assertView(Optional<String> expected) {
            assertEquals(expected.orElse(null), world.signer.lastClaims().extra().get("view"));
            assertEquals(expected, idSigner.lastClaims().view().map(View::id));
        }
    }

    // ---- a client that authenticates anyway

    @Test
    void anAuthenticatedClientMustBeTheIssuer() {
        addClient(storefront, sealed(acme, "c6b39d0c", SECRET));
        success(tokens.requestToken(new TokenRequest(acme, new ClientCredentials.SecretBasic("c6b39d0c", SECRET),
                params(verifier.sign(seed(), SECRET)), ENDPOINT)));

        addClient(TestWorld.client(acme, "other").grantTypes(GrantType.JWT_BEARER).build(),
                sealed(acme, "other", SECRET));
        OAuthError error = failure(tokens.requestToken(new TokenRequest(acme,
                new ClientCredentials.SecretBasic("other", SECRET), params(verifier.sign(seed(), SECRET)), ENDPOINT)));
        assertEquals(OAuthErrorCode.INVALID_GRANT, error.code());
        assertTrue(error.description().contains("authenticated client"), error.description());
    }

    @Test
    void anAuthenticatedClientStillNeedsAValidSignature() {
        assertInvalidGrant(tokens.requestToken(new TokenRequest(acme,
                new ClientCredentials.SecretBasic("c6b39d0c", SECRET),
                params(verifier.sign(seed(), "forged-secret-0123456789abcdefghijklmnopqrstuvwxyz")), ENDPOINT)));
    }

    @Test
    void anAuthenticatedClientWithAWrongSecretIsAnInvalidClient() {
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failure(tokens.requestToken(new TokenRequest(acme,
                new ClientCredentials.SecretBasic("c6b39d0c", "wrong"), params(verifier.sign(seed(), SECRET)),
                ENDPOINT))).code());
    }

    // ---- helpers

    /** The seed's payload: sub, iss, name (not read), iat; signed the moment it is sent. */
    private static FakeAssertionVerifier.Claims seed() {
        return claims().iss("c6b39d0c").sub(EMAIL).iat(IAT);
    }

    private dev.tollgate.domain.error.Outcome<IssuedToken> request(String assertion) {
        return request(assertion, Map.of());
    }

    private dev.tollgate.domain.error.Outcome<IssuedToken> request(String assertion, Map<String, String> extra) {
        return tokens.requestToken(tokenRequest(assertion, extra));
    }

    private TokenRequest tokenRequest(String assertion, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(params(assertion));
        parameters.putAll(extra);
        return new TokenRequest(acme, new ClientCredentials.Absent(), parameters, ENDPOINT);
    }

    private static Map<String, String> params(String assertion) {
        return Map.of("grant_type", GrantType.JWT_BEARER.value(), "assertion", assertion);
    }

    private StoredSecret sealed(Tenant tenant, String clientId, String secret) {
        return new StoredSecret(CountingSecretDigester.digestOf(secret), TestWorld.NOW.minusSeconds(86_400),
                Optional.empty(), Optional.of(sealer.seal(tenant.id(), clientId, secret)));
    }

    private Client addClient(Client client, StoredSecret... secrets) {
        world.clients.put(client, secrets);
        return client;
    }

    private User addUser(Tenant tenant, String email, String name, Optional<View> view, boolean enabled) {
        User user = new User(UUID.randomUUID(), tenant.id(), email, email, name, List.of(), enabled, view);
        world.users.create(user, "unused-hash");
        return user;
    }

    private static ClientJwks jwks(String... kids) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < kids.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"kty\":\"RSA\",\"kid\":\"").append(kids[i]).append("\"}");
        }
        return new ClientJwks(json.append("]}").toString());
    }

    private Instant keptUntil(String jti) {
        return replays.kept.get(new FakeAssertionReplayStore.Key(acme.id(), "c6b39d0c", jti));
    }

    private static void assertInvalidGrant(dev.tollgate.domain.error.Outcome<IssuedToken> outcome) {
        assertEquals(OAuthErrorCode.INVALID_GRANT, failure(outcome).code());
    }
}
