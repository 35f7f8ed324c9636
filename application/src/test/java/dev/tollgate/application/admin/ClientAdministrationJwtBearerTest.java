package dev.tollgate.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.fake.DirectTransactions;
import dev.tollgate.application.fake.FakeJwkSetValidator;
import dev.tollgate.application.fake.FakeSecretSealer;
import dev.tollgate.application.fake.FakeUserRepository;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.grant.ClientCredentialsGrantHandler;
import dev.tollgate.application.grant.GrantHandler;
import dev.tollgate.application.grant.GrantHandlers;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.IssuedToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sealed secrets and public keys of clients allowed the JWT bearer grant, as the admin use case keeps them. */
class ClientAdministrationJwtBearerTest {

    private static final String JWT_BEARER = GrantType.JWT_BEARER.value();
    private static final String RSA_KEY = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}";

    private TestWorld world;
    private final FakeSecretSealer sealer = new FakeSecretSealer();
    private ClientAdministration clients;
    private Tenant acme;
    private AdminCaller manager;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.addTenant("acme");
        // a stand-in handler: the admin use case only needs the grant type to be served
        GrantHandler jwtBearer = new GrantHandler() {
            @Override
            public GrantType grantType() {
                return GrantType.JWT_BEARER;
            }

            @Override
            public Outcome<IssuedToken> handle(dev.tollgate.application.grant.GrantRequest request) {
                throw new AssertionError("not called");
            }
        };
        clients = new ClientAdministration(new TenantAccess(world.directory), world.clients, world.digester, sealer,
                new FakeJwkSetValidator(), world.random,
                new GrantHandlers(List.of(jwtBearer, new ClientCredentialsGrantHandler(world.tokenFactory))),
                new FakeUserRepository(), entry -> { }, new DirectTransactions(), world.clock);
        manager = new AdminCaller(acme, "manager", Scope.of(AdminCaller.CLIENTS_MANAGE));
    }

    @Test
    void aClientCreatedWithTheGrantKeepsItsSecretSealedToo() {
        String secret = done(clients.create(manager, "acme", spec("sf", List.of(JWT_BEARER), null))).secret()
                .orElseThrow();
        StoredSecret stored = onlySecret("sf");
        assertEquals(world.digester.digest(secret), stored.digest());
        assertEquals(Optional.of(secret), sealer.open(acme.id(), "sf", stored.sealed().orElseThrow()));
        assertFalse(stored.sealed().get().contains(secret), "sealed, not plain");
    }

    @Test
    void aClientWithoutTheGrantKeepsTheDigestOnly() {
        done(clients.create(manager, "acme", spec("cc", List.of("client_credentials"), null)));
        assertTrue(onlySecret("cc").sealed().isEmpty());
        done(clients.rotateSecret(manager, "acme", "cc", 0));
        assertTrue(world.clients.find(acme.id(), "cc").orElseThrow().secrets().stream()
                .allMatch(s -> s.sealed().isEmpty()));
    }

    @Test
    void addingTheGrantLaterSealsOnlyFromTheNextRotation() {
        done(clients.create(manager, "acme", spec("late", List.of("client_credentials"), null)));
        done(clients.change(manager, "acme", "late", spec(null, List.of("client_credentials", JWT_BEARER), null)));
        assertTrue(onlySecret("late").sealed().isEmpty(), "the existing secret is known by its digest only");

        String rotated = done(clients.rotateSecret(manager, "acme", "late", 300)).secret().orElseThrow();
        StoredSecret fresh = world.clients.find(acme.id(), "late").orElseThrow().secrets().stream()
                .filter(s -> s.digest().equals(world.digester.digest(rotated))).findFirst().orElseThrow();
        assertEquals(Optional.of(rotated), sealer.open(acme.id(), "late", fresh.sealed().orElseThrow()));
    }

    @Test
    void rotationKeepsTheOldSealedSecretForItsGrace() {
        done(clients.create(manager, "acme", spec("sf", List.of(JWT_BEARER), null)));
        done(clients.rotateSecret(manager, "acme", "sf", 300));
        List<StoredSecret> secrets = world.clients.find(acme.id(), "sf").orElseThrow().secrets();
        assertEquals(2, secrets.size());
        assertTrue(secrets.stream().allMatch(s -> s.sealed().isPresent()));
    }

    @Test
    void removingTheGrantDropsTheSealedCopies() {
        done(clients.create(manager, "acme", spec("sf", List.of(JWT_BEARER, "client_credentials"), null)));
        done(clients.change(manager, "acme", "sf", spec(null, List.of("client_credentials"), null)));
        StoredSecret stored = onlySecret("sf");
        assertTrue(stored.sealed().isEmpty());
        assertFalse(stored.digest().isEmpty(), "the digest still authenticates the client");
    }

    @Test
    void publicKeysAreCheckedStoredAndRemoved() {
        Client created = done(clients.create(manager, "acme", spec("keys", List.of(JWT_BEARER), RSA_KEY))).client();
        assertEquals(RSA_KEY, created.jwks().orElseThrow().json());

        Client kept = done(clients.change(manager, "acme", "keys", spec(null, null, null)));
        assertEquals(RSA_KEY, kept.jwks().orElseThrow().json(), "absent jwks: unchanged");
        assertEquals(kept, world.clients.find(acme.id(), "keys").orElseThrow().client());

        assertEquals("jwks", invalid(clients.change(manager, "acme", "keys",
                spec(null, null, "{\"keys\":[{\"kty\":\"RSA\",\"d\":\"secret\"}]}"))));
        assertTrue(world.clients.find(acme.id(), "keys").orElseThrow().client().jwks().isPresent());

        Client removed = done(clients.change(manager, "acme", "keys", spec(null, null, "{\"keys\":[]}")));
        assertTrue(removed.jwks().isEmpty());
    }

    @Test
    void theBuiltInV0ClientTakesNoKeys() {
        world.clients.createIfAbsent(dev.tollgate.domain.client.LegacyV0Client.forTenant(acme.id()), Optional.empty());
        assertEquals("jwks", invalid(clients.change(manager, "acme", "legacy-v0", spec(null, null, RSA_KEY))));
    }

    private StoredSecret onlySecret(String clientId) {
        List<StoredSecret> secrets = world.clients.find(acme.id(), clientId).orElseThrow().secrets();
        assertEquals(1, secrets.size());
        return secrets.getFirst();
    }

    private static ClientSpec spec(String id, List<String> grants, String jwks) {
        return new ClientSpec(Optional.ofNullable(id), Optional.ofNullable(id), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.ofNullable(grants), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(jwks));
    }

    private static <T> T done(AdminResult<T> result) {
        return switch (result) {
            case AdminResult.Done<T> d -> d.value();
            case AdminResult.Refused<T> r -> fail("refused: " + r.error());
        };
    }

    private static <T> String invalid(AdminResult<T> result) {
        return switch (result) {
            case AdminResult.Done<T> d -> fail("expected a refusal, got " + d.value());
            case AdminResult.Refused<T> r -> assertInstanceOf(AdminError.Invalid.class, r.error()).field();
        };
    }
}
