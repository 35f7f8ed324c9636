package dev.tollgate.application.deprecation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.admin.AdminCaller;
import dev.tollgate.application.admin.Page;
import dev.tollgate.application.admin.TenantAccess;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.audit.AuditEntry;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.deprecation.LegacyUsage;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeprecationAdministrationTest {

    private TestWorld world;
    private DeprecationAdministration admin;
    private Tenant acme;
    private AdminCaller acmeAdmin;
    private AdminCaller operator;
    private final List<AuditEntry> audit = new ArrayList<>();

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.addTenant("acme");
        Tenant adminTenant = world.addTenant(AdminCaller.ADMIN_TENANT);
        admin = new DeprecationAdministration(new TenantAccess(world.directory), world.deprecations,
                world.defaultDeprecations, world.deprecationOverrides, world.usageStore, world.usage, audit::add,
                world.transactions, world.random, world.clock);
        acmeAdmin = new AdminCaller(acme, "ops", Scope.of(AdminCaller.DEPRECATIONS_MANAGE));
        operator = new AdminCaller(adminTenant, "root", Scope.of(AdminCaller.DEPRECATIONS_MANAGE));
    }

    private static <T> T done(AdminResult<T> result) {
        if (result instanceof AdminResult.Done<T> done) {
            return done.value();
        }
        throw new AssertionError("refused: " + result);
    }

    private static AdminError refused(AdminResult<?> result) {
        return assertInstanceOf(AdminResult.Refused.class, result).error();
    }

    private static PolicySpec spec(String surface, String sunset, List<PolicySpec.Window> brownouts) {
        return new PolicySpec(Optional.of(surface), Optional.empty(), Optional.ofNullable(sunset), Optional.empty(),
                Optional.of(brownouts));
    }

    @Test
    void theDefaultsShowUntilTheTenantHasItsOwn() {
        TenantDeprecations view = done(admin.get(acmeAdmin, "acme"));
        assertEquals(2, view.surfaces().size());
        assertFalse(view.surfaces().getFirst().overridden());
        assertInstanceOf(DeprecationDecision.AllowWithWarning.class, view.surfaces().getFirst().now());
    }

    @Test
    void aTenantAdminSchedulesABrownoutAndItIsAudited() {
        Instant now = world.clock.instant();
        TenantDeprecations view = done(admin.replace(acmeAdmin, "acme", List.of(spec("v0_token", null,
                List.of(new PolicySpec.Window(Optional.of(now.minusSeconds(1).toString()),
                        Optional.of(now.plusSeconds(600).toString())))))));
        TenantDeprecations.Surface token = view.surfaces().stream()
                .filter(s -> s.policy().surface() == LegacySurface.V0_TOKEN).findFirst().orElseThrow();
        assertTrue(token.overridden());
        assertInstanceOf(DeprecationDecision.Refuse.class, token.now());
        assertEquals(TestWorld.GUIDE, token.policy().guide());
        assertEquals("deprecations.replace", audit.getFirst().action());
        assertInstanceOf(DeprecationDecision.Refuse.class,
                world.deprecations.decide(Optional.of(acme), LegacySurface.V0_TOKEN).orElseThrow());
    }

    @Test
    void onlyTheOperatorMayRelaxTheServiceWidePolicy() {
        // the defaults have no sunset: a tenant admin may set one, which is stricter
        done(admin.replace(acmeAdmin, "acme", List.of(spec("v0_token", "2027-01-01T00:00:00Z", List.of()))));
        TestWorld strict = new TestWorld();
        DefaultDeprecations withSunset = new DefaultDeprecations(Map.of(LegacySurface.V0_TOKEN, new DeprecationPolicy(
                LegacySurface.V0_TOKEN, DeprecationPolicy.SEED_DEPRECATED_AT,
                Optional.of(Instant.parse("2027-01-01T00:00:00Z")), TestWorld.GUIDE, List.of())));
        Tenant tenant = strict.addTenant("acme");
        Tenant adminTenant = strict.addTenant(AdminCaller.ADMIN_TENANT);
        DeprecationAdministration strictAdmin = new DeprecationAdministration(new TenantAccess(strict.directory),
                new Deprecations(withSunset, strict.deprecationOverrides, strict.clock), withSunset,
                strict.deprecationOverrides, strict.usageStore, strict.usage, e -> { }, strict.transactions,
                strict.random, strict.clock);
        AdminCaller tenantAdmin = new AdminCaller(tenant, "ops", Scope.of(AdminCaller.DEPRECATIONS_MANAGE));
        AdminCaller root = new AdminCaller(adminTenant, "root", Scope.of(AdminCaller.DEPRECATIONS_MANAGE));
        assertInstanceOf(AdminError.Forbidden.class, refused(strictAdmin.replace(tenantAdmin, "acme",
                List.of(spec("v0_token", "2027-06-01T00:00:00Z", List.of())))));
        assertInstanceOf(AdminError.Forbidden.class, refused(strictAdmin.replace(tenantAdmin, "acme",
                List.of(spec("v0_token", null, List.of())))));
        done(strictAdmin.replace(tenantAdmin, "acme", List.of(spec("v0_token", "2026-12-01T00:00:00Z", List.of()))));
        done(strictAdmin.replace(root, "acme", List.of(spec("v0_token", "2027-06-01T00:00:00Z", List.of()))));
    }

    @Test
    void mistakesNameTheirField() {
        assertEquals(new AdminError.Invalid("surfaces[0].surface", "one of v0_token, v0_refresh, password_grant, implicit"),
                refused(admin.replace(operator, "acme", List.of(spec("v1_token", null, List.of())))));
        assertEquals("surfaces[0].sunset_at", ((AdminError.Invalid) refused(admin.replace(operator, "acme",
                List.of(spec("v0_token", "tomorrow", List.of()))))).field());
        assertEquals("surfaces[0].sunset_at", ((AdminError.Invalid) refused(admin.replace(operator, "acme",
                List.of(spec("v0_token", "2020-01-01T00:00:00Z", List.of()))))).field());
        assertEquals("surfaces[0].brownouts[0].end", ((AdminError.Invalid) refused(admin.replace(operator, "acme",
                List.of(spec("v0_token", null, List.of(new PolicySpec.Window(Optional.of("2026-12-01T10:00:00Z"),
                        Optional.of("2026-12-01T09:00:00Z")))))))).field());
        assertEquals("surfaces[1].surface", ((AdminError.Invalid) refused(admin.replace(operator, "acme",
                List.of(spec("v0_token", null, List.of()), spec("v0_token", null, List.of()))))).field());
        assertEquals("surfaces[0].link", ((AdminError.Invalid) refused(admin.replace(operator, "acme",
                List.of(new PolicySpec(Optional.of("v0_token"), Optional.empty(), Optional.empty(),
                        Optional.of("javascript:alert(1)"), Optional.empty()))))).field());
    }

    @Test
    void anotherTenantsAdminSeesNothing() {
        Tenant other = world.addTenant("other");
        AdminCaller otherAdmin = new AdminCaller(other, "ops", Scope.of(AdminCaller.DEPRECATIONS_MANAGE));
        assertInstanceOf(AdminError.Forbidden.class, refused(admin.get(otherAdmin, "acme")));
        assertInstanceOf(AdminError.Forbidden.class, refused(admin.usage(otherAdmin, "acme", 0, 10)));
        AdminCaller noScope = new AdminCaller(acme, "ops", Scope.of(AdminCaller.CLIENTS_MANAGE));
        assertInstanceOf(AdminError.Forbidden.class, refused(admin.get(noScope, "acme")));
    }

    @Test
    void theReportIncludesCallsNotWrittenYet() {
        world.usage.record(new LegacyUsage.Caller(acme.id(), LegacySurface.V0_TOKEN, "legacy-v0", Optional.empty()),
                false);
        Page<UsageReportLine> page = done(admin.usage(acmeAdmin, "acme", 0, 10));
        assertEquals(1, page.items().size());
        assertEquals(1, page.items().getFirst().calls());
    }
}
