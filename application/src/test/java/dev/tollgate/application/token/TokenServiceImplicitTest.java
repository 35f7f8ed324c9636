package dev.tollgate.application.token;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.grant.ImplicitGrantHandler;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.deprecation.BrownoutWindow;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.deprecation.LegacyUsage;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moltin's implicit token through the token endpoint use case: served only where the endpoint's rules name it,
 * the client named by its client_id alone, and the implicit grant a legacy surface of the deprecation policy.
 */
class TokenServiceImplicitTest {

    private static final TokenEndpointRules MOLTIN = TestWorld.MOLTIN_RULES;

    private TestWorld world;
    private Tenant acme;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.tenants.put(TestWorld.tenant("acme").lifetimes(1800).build());
        // a confidential client allowed implicit, holding scopes an implicit token must never carry
        world.clients.put(TestWorld.client(acme, "storefront")
                .grantTypes(GrantType.CLIENT_CREDENTIALS, GrantType.IMPLICIT)
                .scopes("orders:read", "orders:write", "customers:write").build(), TestWorld.secret("s3cret"));
        world.addClient(acme, "backend", "b-secret", "orders:read");
    }

    // ---- wiring

    @Test
    void theImplicitHandlerIsSupportedButNotGeneralPurpose() {
        assertTrue(world.grantHandlers.supported().contains(GrantType.IMPLICIT), "clients may be allowed it");
        assertFalse(world.grantHandlers.generalPurpose().contains(GrantType.IMPLICIT), "metadata never names it");
        assertInstanceOf(ImplicitGrantHandler.class, world.grantHandlers.find(GrantType.IMPLICIT).orElseThrow());
        assertTrue(world.grantHandlers.generalPurpose().containsAll(List.of(GrantType.CLIENT_CREDENTIALS,
                GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.PASSWORD)));
    }

    // ---- the implicit grant at the Moltin endpoint

    @Test
    void theClientIdAloneGetsAnImplicitToken() {
        TokenAnswer answer = world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront")));
        IssuedToken token = success(answer.outcome());
        AccessTokenClaims claims = world.signer.lastClaims();
        assertEquals("storefront", claims.subject());
        assertEquals("storefront", claims.clientId());
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, token.scope(), "never the client's own scopes");
        assertEquals("implicit", claims.extra().get(AccessTokenClaims.GRANT_TYPE_CLAIM));
        assertEquals(Duration.ofHours(1), token.expiresIn(), "the Moltin hour, not the tenant's 30 minutes");
        assertTrue(token.refreshToken().isEmpty());
        assertEquals(0, world.digester.matchCalls, "no secret was checked");
    }

    @Test
    void theTenantsOwnImplicitScopeIsUsed() {
        world.tenants.put(acme.withImplicitScope(Scope.of("catalog:read")));
        Tenant narrow = world.tenants.findBySlug(acme.slug()).orElseThrow();
        IssuedToken token = success(world.tokenService.requestToken(new TokenRequest(narrow,
                new ClientCredentials.ClientIdOnly("storefront"), Map.of("grant_type", "implicit"),
                TokenRequest.UNKNOWN_ENDPOINT, MOLTIN)));
        assertEquals(Scope.of("catalog:read"), token.scope());
    }

    @Test
    void aScopeBeyondTheImplicitScopeIsInvalidScope() {
        OAuthError error = failure(world.tokenService.requestToken(
                implicit(new ClientCredentials.ClientIdOnly("storefront"), Map.of("scope", "orders:read"))));
        assertEquals(OAuthErrorCode.INVALID_SCOPE, error.code());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void aClientNotAllowedImplicitIsUnauthorizedClient() {
        OAuthError error = failure(world.tokenService.requestToken(
                implicit(new ClientCredentials.ClientIdOnly("backend"))));
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT, error.code());
        assertTrue(error.description().contains("implicit"), error.description());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void theBuiltInV0ClientIsRefusedEvenIfAllowed() {
        world.clients.createIfAbsent(LegacyV0Client.forTenant(acme.id()), Optional.empty());
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT, failure(world.tokenService.requestToken(
                implicit(new ClientCredentials.ClientIdOnly(LegacyV0Client.CLIENT_ID)))).code());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void anUnknownOrDisabledClientIsInvalidClient() {
        world.clients.put(TestWorld.client(acme, "sleeping").grantTypes(GrantType.IMPLICIT).disabled().build(),
                TestWorld.secret("x"));
        Tenant shop = world.addTenant("shop");
        world.clients.put(TestWorld.client(shop, "shop-front").grantTypes(GrantType.IMPLICIT).build(),
                TestWorld.secret("y"));
        for (String clientId : List.of("nobody", "sleeping", "shop-front", "STOREFRONT", "")) {
            OAuthError error = failure(world.tokenService.requestToken(
                    implicit(new ClientCredentials.ClientIdOnly(clientId))));
            assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code(), clientId);
        }
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void noClientIdIsInvalidRequest() {
        OAuthError error = failure(world.tokenService.requestToken(implicit(new ClientCredentials.Absent())));
        assertEquals(OAuthErrorCode.INVALID_REQUEST, error.code());
        assertTrue(error.description().contains("client_id"), error.description());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    @Test
    void aSecretThatIsSentIsChecked() {
        success(world.tokenService.requestToken(implicit(new ClientCredentials.SecretPost("storefront", "s3cret"))));
        success(world.tokenService.requestToken(implicit(new ClientCredentials.SecretBasic("storefront", "s3cret"))));
        assertEquals(2, world.signer.signedClaims.size());
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, world.signer.lastClaims().scope(),
                "a secret does not widen an implicit token");

        OAuthError post = failure(world.tokenService.requestToken(
                implicit(new ClientCredentials.SecretPost("storefront", "wrong"))));
        OAuthError basic = failure(world.tokenService.requestToken(
                implicit(new ClientCredentials.SecretBasic("storefront", "wrong"))));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, post.code());
        assertEquals(OAuthErrorCode.INVALID_CLIENT, basic.code());
        assertEquals(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED, basic.cause());
        assertEquals(2, world.signer.signedClaims.size(), "nothing more was minted");
    }

    @Test
    void aPublicClientAllowedImplicitMayUseItsClientIdButNotASecret() {
        world.clients.put(TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE)
                .grantTypes(GrantType.IMPLICIT).build());
        success(world.tokenService.requestToken(implicit(new ClientCredentials.ClientIdOnly("spa"))));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failure(world.tokenService.requestToken(
                implicit(new ClientCredentials.SecretPost("spa", "anything")))).code());
    }

    // ---- what the Moltin endpoint does not serve

    @Test
    void thePasswordAndRefreshTokenGrantsAreNotServedAtTheMoltinEndpoint() {
        world.clients.put(TestWorld.client(acme, "app")
                .grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN, GrantType.AUTHORIZATION_CODE)
                .scopes("catalog").build(), TestWorld.secret("x"));
        world.addUser(acme, "ada@example.com", "ada", "pw");
        for (Map<String, String> parameters : List.of(
                Map.of("grant_type", "password", "username", "ada", "password", "pw"),
                Map.of("grant_type", "refresh_token", "refresh_token", "whatever"),
                Map.of("grant_type", "authorization_code", "code", "c", "redirect_uri", "https://app.example/cb"),
                Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", "a.b.c"))) {
            TokenAnswer answer = world.tokenService.answer(new TokenRequest(acme,
                    new ClientCredentials.SecretPost("app", "x"), parameters, TokenRequest.UNKNOWN_ENDPOINT, MOLTIN));
            OAuthError error = failure(answer.outcome());
            assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, error.code(), parameters.get("grant_type"));
            assertTrue(answer.notice().isEmpty(), parameters.get("grant_type"));
        }
        assertEquals(0, world.hasher.verifications.get(), "no password was checked");
        assertTrue(world.signer.signedClaims.isEmpty());
        assertEquals(0, world.usage.pendingCount(), "a grant not served here is no call of its legacy surface");
    }

    @Test
    void clientCredentialsAtTheMoltinEndpointGetsTheMoltinHour() {
        IssuedToken token = success(world.tokenService.requestToken(new TokenRequest(acme,
                new ClientCredentials.SecretPost("backend", "b-secret"), Map.of("grant_type", "client_credentials"),
                TokenRequest.UNKNOWN_ENDPOINT, MOLTIN)));
        assertEquals(Duration.ofHours(1), token.expiresIn());
        assertEquals(Scope.of("orders:read"), token.scope(), "a backend token carries the client's scopes");
        assertEquals(Instant.parse("2026-11-22T11:00:00Z"), token.expiresAt());
        // the same client at an OAuth endpoint: the tenant's lifetime
        IssuedToken standard = success(world.tokenService.requestToken(new TokenRequest(acme,
                new ClientCredentials.SecretPost("backend", "b-secret"), Map.of("grant_type", "client_credentials"))));
        assertEquals(Duration.ofSeconds(1800), standard.expiresIn());
    }

    @Test
    void clientCredentialsAtTheMoltinEndpointKeepsTheClientsOwnTtl() {
        world.clients.put(TestWorld.client(acme, "short").lifetimes(120).grantTypes(GrantType.CLIENT_CREDENTIALS,
                GrantType.IMPLICIT).scopes("catalog").build(), TestWorld.secret("x"));
        IssuedToken cc = success(world.tokenService.requestToken(new TokenRequest(acme,
                new ClientCredentials.SecretPost("short", "x"), Map.of("grant_type", "client_credentials"),
                TokenRequest.UNKNOWN_ENDPOINT, MOLTIN)));
        assertEquals(Duration.ofSeconds(120), cc.expiresIn());
        IssuedToken implicit = success(world.tokenService.requestToken(
                implicit(new ClientCredentials.ClientIdOnly("short"))));
        assertEquals(Duration.ofSeconds(120), implicit.expiresIn());
    }

    @Test
    void clientCredentialsAtTheMoltinEndpointStillNeedsTheSecret() {
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failure(world.tokenService.requestToken(new TokenRequest(acme,
                new ClientCredentials.ClientIdOnly("backend"), Map.of("grant_type", "client_credentials"),
                TokenRequest.UNKNOWN_ENDPOINT, MOLTIN))).code());
        assertTrue(world.signer.signedClaims.isEmpty());
    }

    // ---- the implicit grant at the OAuth endpoints

    @Test
    void theOAuthEndpointsDoNotServeImplicitAndRecordNoLegacyCall() {
        // deprecated here: a notice would show if the call were taken for one of the legacy surface
        world.deprecationOverrides.replace(acme.id(), List.of(new DeprecationPolicy(LegacySurface.IMPLICIT,
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.empty(), TestWorld.GUIDE, List.of())));
        TokenAnswer answer = world.tokenService.answer(new TokenRequest(acme,
                new ClientCredentials.SecretPost("storefront", "s3cret"), Map.of("grant_type", "implicit")));
        assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, failure(answer.outcome()).code());
        assertTrue(answer.notice().isEmpty(), "no deprecation headers for a grant not served here");
        assertTrue(world.signer.signedClaims.isEmpty());
        assertEquals(0, world.usage.pendingCount());
    }

    @Test
    void theOAuthEndpointsDoNotHandOutImplicitTokensForAClientIdAlone() {
        // a public client may name itself by its client_id at the OAuth endpoints; implicit is still not served
        world.clients.put(TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE)
                .grantTypes(GrantType.IMPLICIT).build());
        TokenAnswer spa = world.tokenService.answer(new TokenRequest(acme, new ClientCredentials.ClientIdOnly("spa"),
                Map.of("grant_type", "implicit")));
        assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, failure(spa.outcome()).code());
        // a confidential client naming itself only: not authenticated, as for any grant at these endpoints
        TokenAnswer storefront = world.tokenService.answer(new TokenRequest(acme,
                new ClientCredentials.ClientIdOnly("storefront"), Map.of("grant_type", "implicit")));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failure(storefront.outcome()).code());
        assertTrue(world.signer.signedClaims.isEmpty());
        assertEquals(0, world.usage.pendingCount());
    }

    // ---- the implicit grant as a legacy surface

    @Test
    void everyImplicitCallIsCountedForTheMigrationReport() {
        success(world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront"))).outcome());
        success(world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront"))).outcome());
        failure(world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("backend"))).outcome());
        world.usage.flush();
        LegacyUsage storefront = tally("storefront");
        assertNotNull(storefront);
        assertEquals(2, storefront.calls());
        assertEquals(0, storefront.refusals());
        assertEquals(1, tally("backend").calls(), "a refused client still called the surface");
        assertEquals(0, tally("backend").refusals(), "refusals count the policy's, not the grant's");
    }

    @Test
    void withoutAPolicyForImplicitNoNoticeIsSent() {
        TokenAnswer answer = world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront")));
        success(answer.outcome());
        assertTrue(answer.notice().isEmpty());
    }

    @Test
    void aDeprecatedImplicitGrantIsServedWithTheNotice() {
        world.deprecationOverrides.replace(acme.id(), List.of(new DeprecationPolicy(LegacySurface.IMPLICIT,
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.empty(), TestWorld.GUIDE, List.of())));
        TokenAnswer answer = world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront")));
        success(answer.outcome());
        DeprecationDecision.Notice notice = answer.notice().orElseThrow();
        assertEquals(DeprecationPolicy.SEED_DEPRECATED_AT, notice.deprecatedAt());
        assertEquals(TestWorld.GUIDE, notice.guide());
    }

    @Test
    void notYetDeprecatedMeansNoNotice() {
        world.deprecationOverrides.replace(acme.id(), List.of(new DeprecationPolicy(LegacySurface.IMPLICIT,
                TestWorld.NOW.plusSeconds(86_400), Optional.empty(), TestWorld.GUIDE, List.of())));
        TokenAnswer answer = world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront")));
        success(answer.outcome());
        assertTrue(answer.notice().isEmpty());
    }

    @Test
    void duringABrownoutImplicitIsRefusedWithTheNoticeAndCountedAsRefused() {
        Instant now = world.clock.instant();
        world.deprecationOverrides.replace(acme.id(), List.of(new DeprecationPolicy(LegacySurface.IMPLICIT,
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.empty(), TestWorld.GUIDE,
                List.of(new BrownoutWindow(now.minusSeconds(60), now.plusSeconds(3600))))));
        TokenAnswer answer = world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront")));
        OAuthError error = failure(answer.outcome());
        assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, error.code());
        assertTrue(error.description().contains("brownout"), error.description());
        assertTrue(error.description().contains(LegacySurface.IMPLICIT.replacement()), error.description());
        assertTrue(answer.notice().isPresent());
        assertTrue(world.signer.signedClaims.isEmpty());
        world.usage.flush();
        assertEquals(1, tally("storefront").calls());
        assertEquals(1, tally("storefront").refusals());

        // the password grant has no brownout of its own at the OAuth endpoints
        world.clients.put(TestWorld.client(acme, "app").grantTypes(GrantType.PASSWORD).scopes("catalog").build(),
                TestWorld.secret("x"));
        world.addUser(acme, "ada@example.com", "ada", "pw");
        success(world.tokenService.answer(new TokenRequest(acme, new ClientCredentials.SecretPost("app", "x"),
                Map.of("grant_type", "password", "username", "ada", "password", "pw"))).outcome());
    }

    @Test
    void aBrownoutRefusesUnknownClientsTooAndCountsThemAsOneUnknownCaller() {
        Instant now = world.clock.instant();
        world.deprecationOverrides.replace(acme.id(), List.of(new DeprecationPolicy(LegacySurface.IMPLICIT,
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.empty(), TestWorld.GUIDE,
                List.of(new BrownoutWindow(now.minusSeconds(60), now.plusSeconds(3600))))));
        for (int i = 0; i < 50; i++) {
            assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, failure(world.tokenService.answer(
                    implicit(new ClientCredentials.ClientIdOnly("made-up-" + i))).outcome()).code());
        }
        // made-up client_ids cost nothing to send: they must not grow the report one line each
        assertEquals(1, world.usage.pendingCount());
        world.usage.flush();
        assertEquals(50, tally("").calls());
        assertEquals(50, tally("").refusals());
    }

    @Test
    void anImplicitCallIsNotCreditedToAUserItNames() {
        world.addUser(acme, "ada@example.com", "ada", "pw");
        success(world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront"),
                Map.of("username", "ada"))).outcome());
        world.usage.flush();
        assertEquals(1, tally("storefront").calls(), "counted for the client, with no user");
    }

    @Test
    void afterTheSunsetImplicitIsRefused() {
        world.deprecationOverrides.replace(acme.id(), List.of(new DeprecationPolicy(LegacySurface.IMPLICIT,
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.of(TestWorld.NOW.minusSeconds(1)), TestWorld.GUIDE,
                List.of())));
        TokenAnswer answer = world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront")));
        OAuthError error = failure(answer.outcome());
        assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, error.code());
        assertTrue(error.description().contains("retired"), error.description());
        assertEquals(Optional.of(TestWorld.NOW.minusSeconds(1)), answer.notice().orElseThrow().sunsetAt());
        assertTrue(world.signer.signedClaims.isEmpty());
        // client_credentials at the same endpoint is unaffected
        success(world.tokenService.answer(new TokenRequest(acme, new ClientCredentials.SecretPost("backend", "b-secret"),
                Map.of("grant_type", "client_credentials"), TokenRequest.UNKNOWN_ENDPOINT, MOLTIN)).outcome());
    }

    @Test
    void anotherTenantsPolicyDoesNotApply() {
        Tenant shop = world.addTenant("shop");
        world.deprecationOverrides.replace(shop.id(), List.of(new DeprecationPolicy(LegacySurface.IMPLICIT,
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.of(TestWorld.NOW.minusSeconds(1)), TestWorld.GUIDE,
                List.of())));
        success(world.tokenService.answer(implicit(new ClientCredentials.ClientIdOnly("storefront"))).outcome());
    }

    private LegacyUsage tally(String clientId) {
        return world.usageStore.stored.get(
                new LegacyUsage.Caller(acme.id(), LegacySurface.IMPLICIT, clientId, Optional.empty()));
    }

    private TokenRequest implicit(ClientCredentials credentials) {
        return implicit(credentials, Map.of());
    }

    private TokenRequest implicit(ClientCredentials credentials, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put("grant_type", "implicit");
        return new TokenRequest(acme, credentials, parameters, TokenRequest.UNKNOWN_ENDPOINT, MOLTIN);
    }
}
