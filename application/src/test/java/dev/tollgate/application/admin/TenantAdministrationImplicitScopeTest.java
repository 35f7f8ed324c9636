package dev.tollgate.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.port.AuditLog;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.audit.AuditEntry;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's implicit scope (seed 004) through tenant administration: set, cleared, kept, validated. */
class TenantAdministrationImplicitScopeTest {

    private final List<AuditEntry> audit = new ArrayList<>();
    private TestWorld world;
    private TenantAdministration tenants;
    private AdminCaller root;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        Tenant admin = world.addTenant(AdminCaller.ADMIN_TENANT);
        AuditLog log = audit::add;
        tenants = new TenantAdministration(world.tenants, world.clients, world.signingKeys, log, world.transactions,
                world.random, world.clock);
        root = new AdminCaller(admin, "root", Scope.of(AdminCaller.TENANTS_MANAGE));
    }

    // ---- creation

    @Test
    void aNewTenantHasTheDefaultImplicitScope() {
        Tenant created = done(tenants.create(root, spec(Optional.of("acme"), Optional.empty())));
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, created.implicitScope());
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, stored("acme").implicitScope());
    }

    @Test
    void creationSetsTheImplicitScope() {
        Tenant created = done(tenants.create(root, spec(Optional.of("acme"), Optional.of("catalog:read carts:read"))));
        assertEquals(Scope.of("catalog:read", "carts:read"), created.implicitScope());
        assertEquals(Scope.of("catalog:read", "carts:read"), stored("acme").implicitScope());
    }

    @Test
    void anEmptyImplicitScopeMeansNone() {
        assertEquals(Scope.EMPTY, done(tenants.create(root, spec(Optional.of("acme"), Optional.of(""))))
                .implicitScope());
        assertEquals(Scope.EMPTY, stored("acme").implicitScope());
    }

    @Test
    void surroundingSpacesAreForgiven() {
        assertEquals(Scope.of("catalog:read", "carts:read"), done(tenants.create(root,
                spec(Optional.of("acme"), Optional.of("  catalog:read carts:read ")))).implicitScope());
    }

    @Test
    void aMalformedImplicitScopeIsRefusedAtCreationAndNothingIsCreated() {
        for (String malformed : List.of("catalog:read \"quoted\"", "back\\slash", "caf\u00e9", "tab\tcarts:read",
                "x".repeat(201), tooLong())) {
            AdminError error = refused(tenants.create(root, spec(Optional.of("acme"), Optional.of(malformed))));
            AdminError.Invalid invalid = assertInstanceOf(AdminError.Invalid.class, error, malformed);
            assertEquals("implicit_scope", invalid.field());
        }
        assertTrue(world.tenants.findBySlug(new TenantSlug("acme")).isEmpty());
        assertTrue(audit.isEmpty());
    }

    @Test
    void theLengthLimitIsOneThousandCharacters() {
        String exactly = longScope(TenantAdministration.MAX_IMPLICIT_SCOPE_LENGTH);
        assertEquals(1000, exactly.length());
        Tenant created = done(tenants.create(root, spec(Optional.of("acme"), Optional.of(exactly))));
        assertEquals(Scope.parse(exactly).orElseThrow(), created.implicitScope());
        AdminError.Invalid invalid = assertInstanceOf(AdminError.Invalid.class,
                refused(tenants.create(root, spec(Optional.of("shop"), Optional.of(tooLong())))));
        assertEquals("implicit_scope", invalid.field());
        assertTrue(invalid.message().contains("1000"), invalid.message());
        // even what would parse to nothing
        assertInstanceOf(AdminError.Invalid.class, refused(tenants.create(root,
                spec(Optional.of("spaces"), Optional.of(" ".repeat(1001))))));
    }

    // ---- change

    @Test
    void aChangeSetsTheImplicitScope() {
        done(tenants.create(root, spec(Optional.of("acme"), Optional.empty())));
        Tenant changed = done(tenants.change(root, "acme", spec(Optional.empty(), Optional.of("catalog:read"))));
        assertEquals(Scope.of("catalog:read"), changed.implicitScope());
        assertEquals(Scope.of("catalog:read"), stored("acme").implicitScope());
        assertEquals("tenant.update", audit.getLast().action());
    }

    @Test
    void aChangeToEmptyClearsTheImplicitScope() {
        done(tenants.create(root, spec(Optional.of("acme"), Optional.empty())));
        done(tenants.change(root, "acme", spec(Optional.empty(), Optional.of(""))));
        assertEquals(Scope.EMPTY, stored("acme").implicitScope());
    }

    @Test
    void aChangeWithoutTheFieldKeepsTheImplicitScope() {
        done(tenants.create(root, spec(Optional.of("acme"), Optional.of("catalog:read"))));
        Tenant changed = done(tenants.change(root, "acme", new TenantSpec(Optional.empty(), Optional.of("Acme Inc"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals("Acme Inc", changed.displayName());
        assertEquals(Scope.of("catalog:read"), changed.implicitScope());
        assertEquals(Scope.of("catalog:read"), stored("acme").implicitScope());
        // the spec constructor with a default view, but no implicit scope, keeps it too
        done(tenants.change(root, "acme", new TenantSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(""))));
        assertEquals(Scope.of("catalog:read"), stored("acme").implicitScope());
    }

    @Test
    void aMalformedChangeIsRefusedAndTheStoredScopeIsKept() {
        done(tenants.create(root, spec(Optional.of("acme"), Optional.of("catalog:read"))));
        int audited = audit.size();
        for (String malformed : List.of("catalog:read \"quoted\"", "back\\slash", tooLong())) {
            AdminError.Invalid invalid = assertInstanceOf(AdminError.Invalid.class,
                    refused(tenants.change(root, "acme", spec(Optional.empty(), Optional.of(malformed)))), malformed);
            assertEquals("implicit_scope", invalid.field());
        }
        assertEquals(Scope.of("catalog:read"), stored("acme").implicitScope());
        assertEquals(audited, audit.size());
    }

    @Test
    void onlyTenantManagersSetIt() {
        done(tenants.create(root, spec(Optional.of("acme"), Optional.of("catalog:read"))));
        AdminCaller acmeAdmin = new AdminCaller(stored("acme"), "owner", Scope.of(AdminCaller.TENANTS_MANAGE));
        assertInstanceOf(AdminError.Forbidden.class,
                refused(tenants.change(acmeAdmin, "acme", spec(Optional.empty(), Optional.of("orders:read")))));
        assertEquals(Scope.of("catalog:read"), stored("acme").implicitScope());
    }

    private Tenant stored(String slug) {
        return world.tenants.findBySlug(new TenantSlug(slug)).orElseThrow();
    }

    /** Valid scope tokens of 99 characters, one space apart, {@code length} characters in all. */
    private static String longScope(int length) {
        StringBuilder value = new StringBuilder();
        int n = 0;
        while (value.length() < length) {
            if (!value.isEmpty()) {
                value.append(' ');
            }
            String token = (char) ('a' + n++ % 26) + String.join("", Collections.nCopies(98, "b"));
            value.append(token, 0, Math.min(token.length(), length - value.length()));
        }
        return value.toString();
    }

    private static String tooLong() {
        return longScope(TenantAdministration.MAX_IMPLICIT_SCOPE_LENGTH + 1);
    }

    private static TenantSpec spec(Optional<String> slug, Optional<String> implicitScope) {
        return new TenantSpec(slug, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), implicitScope);
    }

    private static <T> T done(AdminResult<T> result) {
        return switch (result) {
            case AdminResult.Done<T> d -> d.value();
            case AdminResult.Refused<T> r -> fail("expected done, got " + r.error());
        };
    }

    private static <T> AdminError refused(AdminResult<T> result) {
        return switch (result) {
            case AdminResult.Done<T> d -> fail("expected a refusal, got " + d.value());
            case AdminResult.Refused<T> r -> r.error();
        };
    }
}
