package dev.tollgate.application.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.deprecation.BrownoutWindow;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.deprecation.LegacyUsage;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.LegacyTokenSettings;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v0 password login and refresh on fakes: claims, refresh behaviour, the policy's verdicts and the tallies. */
class LegacyTokenApiTest {

    private TestWorld world;
    private Tenant acme;
    private User ada;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.addTenantWithLegacyClient("acme");
        ada = world.addUser(acme, "ada@acme.test", "ada", "correct horse battery", "newstore_admin");
    }

    private LegacyAnswer login(String username, String password) {
        return world.legacyTokenApi.token(Outcome.success(acme),
                Outcome.success(new PasswordLogin(username, password)), SourceAddress.UNKNOWN);
    }

    private LegacyAnswer.Issued issued(LegacyAnswer answer) {
        return assertInstanceOf(LegacyAnswer.Issued.class, answer);
    }

    @Test
    void aPasswordLoginIssuesTheSeedsClaimsForTheBuiltInClient() {
        LegacyAnswer.Issued answer = issued(login("ada", "correct horse battery"));
        AccessTokenClaims claims = world.signer.lastClaims();
        assertEquals(ada.id().toString(), claims.subject());
        assertEquals(LegacyV0Client.CLIENT_ID, claims.clientId());
        assertEquals(LegacyV0Client.CLIENT_ID, claims.extra().get("azp"));
        assertEquals("password", claims.extra().get("gty"));
        assertEquals("acme", claims.extra().get("http://newstore/newstore_id"));
        assertEquals(List.of("newstore_admin"), claims.extra().get("http://newstore/roles"));
        assertEquals(Duration.ofSeconds(86_400), answer.token().expiresIn());
        assertTrue(answer.token().refreshToken().isPresent());
        // deprecated since 2024-01-08: every answer carries the notice
        assertEquals(DeprecationPolicy.SEED_DEPRECATED_AT, answer.notice().orElseThrow().deprecatedAt());
    }

    @Test
    void theEmailSignsInToo() {
        issued(login("ADA@acme.test", "correct horse battery"));
    }

    @Test
    void aTenantCanNameTheClaimsItsConsumersRead() {
        world.tenants.put(new Tenant(acme.id(), acme.slug(), acme.displayName(), acme.domains(),
                acme.issuerOverride(), acme.audienceOverride(), acme.defaultLifetimes(), acme.signingAlgorithm(),
                true, new LegacyTokenSettings("https://acme.test/tenant", "https://acme.test/roles", false)));
        acme = world.tenants.findBySlug(acme.slug()).orElseThrow();
        issued(login("ada", "correct horse battery"));
        assertEquals("acme", world.signer.lastClaims().extra().get("https://acme.test/tenant"));
        assertEquals(List.of("newstore_admin"), world.signer.lastClaims().extra().get("https://acme.test/roles"));
    }

    @Test
    void unknownUserWrongPasswordAndDisabledUserAreTheSameRefusalAndCostOneHashEach() {
        world.users.update(new User(ada.id(), acme.id(), ada.email(), ada.username(), "", ada.roles(), false),
                Optional.empty());
        world.addUser(acme, "bob@acme.test", "bob", "bobs password 123");
        List<LegacyAnswer> answers = List.of(
                login("nobody", "correct horse battery"),
                login("bob", "wrong"),
                login("ada", "correct horse battery"));
        for (LegacyAnswer answer : answers) {
            OAuthError error = assertInstanceOf(LegacyAnswer.Failed.class, answer).error();
            assertEquals(OAuthErrorCode.INVALID_GRANT, error.code());
            assertEquals("Authentication failed", error.description());
        }
        // the dummy hash of the unknown user is checked like a real one
        assertEquals(3, world.hasher.verifications.get());
    }

    @Test
    void withoutRotationARefreshGivesTheSameRefreshTokenBack() {
        String refresh = issued(login("ada", "correct horse battery")).token().refreshToken().orElseThrow();
        String firstAccess = world.signer.lastClaims().tokenId();
        LegacyAnswer.Issued renewed = issued(world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(refresh), SourceAddress.UNKNOWN));
        assertEquals(refresh, renewed.token().refreshToken().orElseThrow());
        assertNotEquals(firstAccess, world.signer.lastClaims().tokenId());
        assertEquals("password", world.signer.lastClaims().extra().get("gty"));
        issued(world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(refresh), SourceAddress.UNKNOWN));
    }

    @Test
    void withRotationTheOldTokenStopsAndItsReuseRevokesTheFamily() {
        world.tenants.put(new Tenant(acme.id(), acme.slug(), acme.displayName(), acme.domains(),
                acme.issuerOverride(), acme.audienceOverride(), acme.defaultLifetimes(), acme.signingAlgorithm(),
                true, new LegacyTokenSettings("http://newstore/newstore_id", "http://newstore/roles", true)));
        acme = world.tenants.findBySlug(acme.slug()).orElseThrow();
        String first = issued(login("ada", "correct horse battery")).token().refreshToken().orElseThrow();
        String second = issued(world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(first), SourceAddress.UNKNOWN))
                .token().refreshToken().orElseThrow();
        assertNotEquals(first, second);
        assertInstanceOf(LegacyAnswer.Failed.class,
                world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(first), SourceAddress.UNKNOWN));
        // the reuse revoked the family: the newer token is dead too
        assertInstanceOf(LegacyAnswer.Failed.class,
                world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(second), SourceAddress.UNKNOWN));
    }

    @Test
    void aRefreshForADisabledUserOrAnExpiredTokenIsRefused() {
        String refresh = issued(login("ada", "correct horse battery")).token().refreshToken().orElseThrow();
        world.clock.advance(LegacyV0Client.LIFETIMES.refreshToken());
        assertEquals(OAuthErrorCode.INVALID_GRANT, assertInstanceOf(LegacyAnswer.Failed.class,
                world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(refresh), SourceAddress.UNKNOWN)).error().code());
        world.clock.set(TestWorld.NOW);
        String fresh = issued(login("ada", "correct horse battery")).token().refreshToken().orElseThrow();
        world.users.update(new User(ada.id(), acme.id(), ada.email(), ada.username(), "", ada.roles(), false),
                Optional.empty());
        assertInstanceOf(LegacyAnswer.Failed.class,
                world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(fresh), SourceAddress.UNKNOWN));
    }

    @Test
    void aRefreshTokenOfAnotherTenantIsUnknownHere() {
        Tenant other = world.addTenantWithLegacyClient("other");
        String refresh = issued(login("ada", "correct horse battery")).token().refreshToken().orElseThrow();
        assertInstanceOf(LegacyAnswer.Failed.class,
                world.legacyTokenApi.refresh(Outcome.success(other), Outcome.success(refresh), SourceAddress.UNKNOWN));
    }

    @Test
    void aDisabledBuiltInClientTurnsV0OffForTheTenant() {
        var client = LegacyV0Client.forTenant(acme.id());
        world.clients.update(new dev.tollgate.domain.client.Client(client.tenantId(), client.clientId(), client.name(),
                client.description(), client.kind(), client.grantTypes(), client.scopes(), client.lifetimes(),
                client.redirectUris(), client.authMethod(), false));
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                assertInstanceOf(LegacyAnswer.Failed.class, login("ada", "correct horse battery")).error().code());
    }

    @Test
    void duringABrownoutTheCallIsRefusedBeforeAnyPasswordIsCheckedAndCountedForTheUser() {
        Instant now = world.clock.instant();
        world.deprecationOverrides.replace(acme.id(), List.of(new DeprecationPolicy(LegacySurface.V0_TOKEN,
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.empty(), TestWorld.GUIDE,
                List.of(new BrownoutWindow(now.minusSeconds(60), now.plusSeconds(3600))))));
        LegacyAnswer.Gone gone = assertInstanceOf(LegacyAnswer.Gone.class, login("ada", "wrong anyway"));
        assertEquals(DeprecationDecision.Refuse.Reason.BROWNOUT, gone.refusal().reason());
        assertTrue(gone.refusal().message()
                .contains("POST /auth/realms/" + acme.slug().value() + "/protocol/openid-connect/token"));
        assertTrue(gone.refusal().message().contains(TestWorld.GUIDE.toString()));
        assertEquals(0, world.hasher.verifications.get());
        world.usage.flush();
        LegacyUsage tally = world.usageStore.stored.get(new LegacyUsage.Caller(acme.id(), LegacySurface.V0_TOKEN,
                LegacyV0Client.CLIENT_ID, Optional.of(ada.id())));
        assertEquals(1, tally.refusals());
        // the refresh surface has no brownout of its own
        String refresh = world.refreshTokens.issue(acme, LegacyV0Client.CLIENT_ID, ada.id(),
                dev.tollgate.domain.scope.Scope.EMPTY, Duration.ofDays(1)).value();
        issued(world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(refresh), SourceAddress.UNKNOWN));
    }

    @Test
    void afterTheSunsetEveryCallIsGone() {
        world.deprecationOverrides.replace(acme.id(), List.of(new DeprecationPolicy(LegacySurface.V0_REFRESH,
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.of(world.clock.instant().plusSeconds(10)),
                TestWorld.GUIDE, List.of())));
        String refresh = issued(login("ada", "correct horse battery")).token().refreshToken().orElseThrow();
        issued(world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(refresh), SourceAddress.UNKNOWN));
        world.clock.advance(Duration.ofSeconds(10));
        LegacyAnswer.Gone gone = assertInstanceOf(LegacyAnswer.Gone.class,
                world.legacyTokenApi.refresh(Outcome.success(acme), Outcome.success(refresh), SourceAddress.UNKNOWN));
        assertEquals(DeprecationDecision.Refuse.Reason.SUNSET, gone.refusal().reason());
        // a malformed request is refused the same way: the surface is gone
        assertInstanceOf(LegacyAnswer.Gone.class, world.legacyTokenApi.refresh(Outcome.success(acme),
                Outcome.failure(OAuthError.invalidRequest("Missing or empty field: refresh_token")), SourceAddress.UNKNOWN));
    }

    @Test
    void beforeTheDeprecationDateNoNoticeIsGiven() {
        world.clock.set(Instant.parse("2023-06-01T00:00:00Z"));
        assertTrue(issued(login("ada", "correct horse battery")).notice().isEmpty());
    }

    @Test
    void callsAreTalliedPerUserWithoutAWritePerCall() {
        for (int i = 0; i < 5; i++) {
            issued(login("ada", "correct horse battery"));
        }
        login("ada", "wrong");
        assertEquals(0, world.usageStore.writes);
        world.usage.flush();
        assertEquals(1, world.usageStore.writes);
        LegacyUsage ofAda = world.usageStore.stored.get(new LegacyUsage.Caller(acme.id(), LegacySurface.V0_TOKEN,
                LegacyV0Client.CLIENT_ID, Optional.of(ada.id())));
        assertEquals(5, ofAda.calls());
        LegacyUsage unknown = world.usageStore.stored.get(new LegacyUsage.Caller(acme.id(), LegacySurface.V0_TOKEN,
                LegacyV0Client.CLIENT_ID, Optional.empty()));
        assertEquals(1, unknown.calls());
    }

    @Test
    void anUnknownTenantIsReportedWithTheServiceWideNotice() {
        LegacyAnswer.Failed failed = assertInstanceOf(LegacyAnswer.Failed.class, world.legacyTokenApi.token(
                Outcome.failure(OAuthError.unknownTenant()), Outcome.success(new PasswordLogin("ada", "x")), SourceAddress.UNKNOWN));
        assertEquals(OAuthError.Cause.UNKNOWN_TENANT, failed.error().cause());
        assertTrue(failed.notice().isPresent());
    }
}
