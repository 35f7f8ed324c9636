package dev.tollgate.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.port.AuditLog;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.audit.AuditEntry;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API client administration on fakes: authorization, validation, the secret-once rule, rotation and audit. */
class ClientAdministrationTest {

    private final List<AuditEntry> audit = new ArrayList<>();
    private final dev.tollgate.application.fake.FakeUserRepository users =
            new dev.tollgate.application.fake.FakeUserRepository();
    private TestWorld world;
    private ClientAdministration clients;
    private Tenant acme;
    private Tenant other;
    private AdminCaller acmeManager;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.addTenant("acme");
        other = world.addTenant("other");
        world.addTenant(AdminCaller.ADMIN_TENANT);
        AuditLog log = audit::add;
        clients = new ClientAdministration(new TenantAccess(world.directory), world.clients, world.digester,
                new dev.tollgate.application.fake.FakeSecretSealer(), new dev.tollgate.application.fake.FakeJwkSetValidator(),
                world.random, world.grantHandlers, users, log, new dev.tollgate.application.fake.DirectTransactions(), world.clock);
        acmeManager = new AdminCaller(acme, "manager", Scope.of(AdminCaller.CLIENTS_MANAGE));
    }


    @Test
    void creationReturnsTheSecretOnceAndStoresItsDigest() {
        var created = done(clients.create(acmeManager, "acme", spec("erp", "ERP", List.of("orders:read"), false)));
        String secret = created.secret().orElseThrow();
        List<StoredSecret> stored = world.clients.find(acme.id(), "erp").orElseThrow().secrets();
        assertEquals(1, stored.size());
        assertEquals(world.digester.digest(secret), stored.getFirst().digest());
        assertEquals(Scope.of("orders:read"), created.client().scopes().allowed());
        assertEquals("acme/manager", audit.getFirst().actor());
        assertEquals("client.create", audit.getFirst().action());
        assertFalse(audit.getFirst().details().toString().contains(secret));
    }

    @Test
    void legacyApisMeansNoScopes() {
        var created = done(clients.create(acmeManager, "acme", spec("old", "Old", List.of(), true)));
        assertInstanceOf(ClientScopes.LegacyApis.class, created.client().scopes());
        assertEquals("scopes", invalid(clients.create(acmeManager, "acme", spec("bad", "Bad", List.of("x"), true))));
    }

    @Test
    void callersStayInTheirTenantAndNeedTheScope() {
        assertInstanceOf(AdminError.Forbidden.class,
                refused(clients.create(acmeManager, "other", spec("x", "X", List.of(), false))));
        assertInstanceOf(AdminError.Forbidden.class,
                refused(clients.list(acmeManager, "missing", 0, 10)), "no hint whether the tenant exists");
        AdminCaller noScope = new AdminCaller(acme, "reader", Scope.of("read"));
        assertInstanceOf(AdminError.Forbidden.class, refused(clients.list(noScope, "acme", 0, 10)));
        AdminCaller admin = new AdminCaller(world.tenants.findBySlug(
                new dev.tollgate.domain.tenant.TenantSlug("admin")).orElseThrow(), "root",
                Scope.of(AdminCaller.CLIENTS_MANAGE));
        done(clients.create(admin, "other", spec("x", "X", List.of(), false)));
        assertInstanceOf(AdminError.NotFound.class, refused(clients.list(admin, "missing", 0, 10)));
    }

    @Test
    void duplicatesConflict() {
        done(clients.create(acmeManager, "acme", spec("dup", "A", List.of(), false)));
        assertInstanceOf(AdminError.Conflict.class,
                refused(clients.create(acmeManager, "acme", spec("dup", "B", List.of(), false))));
    }

    @Test
    void rotationKeepsTheOldSecretForItsGraceOnly() {
        String old = done(clients.create(acmeManager, "acme", spec("svc", "svc", List.of(), false))).secret().orElseThrow();
        String fresh = done(clients.rotateSecret(acmeManager, "acme", "svc", 60)).secret().orElseThrow();
        List<StoredSecret> secrets = world.clients.find(acme.id(), "svc").orElseThrow().secrets();
        StoredSecret oldStored = secrets.stream().filter(s -> s.digest().equals(world.digester.digest(old)))
                .findFirst().orElseThrow();
        assertTrue(oldStored.validAt(TestWorld.NOW.plusSeconds(59)));
        assertFalse(oldStored.validAt(TestWorld.NOW.plusSeconds(60)));
        assertTrue(secrets.stream().anyMatch(s -> s.digest().equals(world.digester.digest(fresh))
                && s.notAfter().isEmpty()));
        assertEquals("grace_seconds", invalid(clients.rotateSecret(acmeManager, "acme", "svc", -1)));
        assertEquals("grace_seconds",
                invalid(clients.rotateSecret(acmeManager, "acme", "svc", Duration.ofDays(31).toSeconds())));
        assertInstanceOf(AdminError.NotFound.class, refused(clients.rotateSecret(acmeManager, "acme", "nobody", 0)));
    }

    @Test
    void changesKeepWhatIsNotSent() {
        done(clients.create(acmeManager, "acme", spec("svc", "Service", List.of("a", "b"), false)));
        var changed = done(clients.change(acmeManager, "acme", "svc", new ClientSpec(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(600), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(false))));
        assertEquals("Service", changed.name());
        assertEquals(Scope.of("a", "b"), changed.scopes().allowed());
        assertFalse(changed.enabled());
        assertEquals(Duration.ofSeconds(600), changed.lifetimes().orElseThrow().accessToken());
    }

    @Test
    void aUserScopedClientsOwnerIsAUserOfTheTenant() {
        var ann = new dev.tollgate.domain.user.User(java.util.UUID.randomUUID(), acme.id(), "ann@acme.test", "ann", "Ann",
                List.of(), true);
        users.create(ann, "hash");
        var foreign = new dev.tollgate.domain.user.User(java.util.UUID.randomUUID(), other.id(), "bob@other.test", "bob",
                "Bob", List.of(), true);
        users.create(foreign, "hash");
        done(clients.create(acmeManager, "acme", userScoped("anns", ann.id().toString())));
        assertEquals("owner", invalid(clients.create(acmeManager, "acme", userScoped("bobs", foreign.id().toString()))));
        assertEquals("owner", invalid(clients.create(acmeManager, "acme", userScoped("nobodys", "not-a-uuid"))));
    }

    private static ClientSpec userScoped(String id, String owner) {
        return new ClientSpec(Optional.of(id), Optional.of(id), Optional.empty(), Optional.of("user"), Optional.of(owner),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static ClientSpec spec(String id, String name, List<String> scopes, boolean legacy) {
        return new ClientSpec(Optional.of(id), Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(scopes), Optional.of(legacy), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static <T> T done(AdminResult<T> result) {
        return switch (result) {
            case AdminResult.Done<T> d -> d.value();
            case AdminResult.Refused<T> r -> fail("refused: " + r.error());
        };
    }

    private static <T> AdminError refused(AdminResult<T> result) {
        return switch (result) {
            case AdminResult.Done<T> d -> fail("expected a refusal, got " + d.value());
            case AdminResult.Refused<T> r -> r.error();
        };
    }

    private static <T> String invalid(AdminResult<T> result) {
        return assertInstanceOf(AdminError.Invalid.class, refused(result)).field();
    }
}
