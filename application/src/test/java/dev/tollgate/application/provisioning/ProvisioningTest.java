package dev.tollgate.application.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.fake.CountingSecretDigester;
import dev.tollgate.application.fake.Outcomes;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.tenant.Tenant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvisioningTest {

    private TestWorld world;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
    }

    // ---- tenants

    @Test
    void createsAMissingTenant() {
        Tenant wanted = TestWorld.tenant("acme").domains("acme.example").build();
        Tenant created = world.provisioning.ensureTenant(wanted);
        assertEquals(wanted, created);
        assertEquals(Optional.of(wanted), world.tenants.findBySlug(wanted.slug()));
        assertEquals(1, world.tenants.createCalls);
    }

    @Test
    void createsATenantOnlyOnce() {
        Tenant wanted = TestWorld.tenant("acme").build();
        world.provisioning.ensureTenant(wanted);
        Tenant again = world.provisioning.ensureTenant(wanted);
        assertEquals(wanted, again);
        assertEquals(1, world.tenants.createCalls);
        assertEquals(1, world.tenants.size());
    }

    @Test
    void anExistingTenantIsKeptAsItIs() {
        Tenant existing = world.tenants.put(TestWorld.tenant("acme").lifetimes(600).build());
        Tenant different = TestWorld.tenant("acme").domains("new.example").lifetimes(7200).build();

        Tenant result = world.provisioning.ensureTenant(different);

        assertEquals(existing, result);
        assertEquals(Optional.of(existing), world.tenants.findBySlug(existing.slug()));
        assertEquals(0, world.tenants.createCalls);
    }

    @Test
    void findsATenantBySlugAndToleratesInvalidSlugs() {
        Tenant acme = world.addTenant("acme");
        assertEquals(Optional.of(acme), world.provisioning.findTenant("acme"));
        assertEquals(Optional.empty(), world.provisioning.findTenant("missing"));
        assertEquals(Optional.empty(), world.provisioning.findTenant("Not A Slug"));
    }

    // ---- clients

    @Test
    void aGeneratedSecretIsReturnedAndStoredOnlyAsADigest() {
        Tenant acme = world.addTenant("acme");
        Client wanted = TestWorld.client(acme, "backend").scopes("catalog").build();

        Provisioning.ClientProvisioned result = world.provisioning.ensureClient(wanted, Optional.empty());

        assertTrue(result.created());
        assertEquals(wanted, result.client());
        String secret = result.generatedSecret().orElseThrow();
        assertEquals("generated-secret-1", secret);
        List<StoredSecret> stored = registration(acme, "backend").secrets();
        assertEquals(1, stored.size());
        assertEquals(CountingSecretDigester.digestOf(secret), stored.getFirst().digest());
        assertNotEquals(secret, stored.getFirst().digest());
        assertEquals(TestWorld.NOW, stored.getFirst().createdAt());
        assertTrue(stored.getFirst().notAfter().isEmpty(), "a provisioned secret does not expire");
        assertFalse(result.toString().contains(secret), "toString does not print the secret");
    }

    @Test
    void aGivenSecretIsStoredAndNotEchoed() {
        Tenant acme = world.addTenant("acme");
        Client wanted = TestWorld.client(acme, "backend").authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_POST)
                .scopes("catalog").build();

        Provisioning.ClientProvisioned result = world.provisioning.ensureClient(wanted, Optional.of("chosen"));

        assertTrue(result.created());
        assertTrue(result.generatedSecret().isEmpty());
        assertEquals(0, world.random.secrets, "nothing generated");
        assertEquals(List.of(CountingSecretDigester.digestOf("chosen")),
                registration(acme, "backend").secrets().stream().map(StoredSecret::digest).toList());
    }

    @Test
    void aProvisionedSecretAuthenticates() {
        Tenant acme = world.addTenant("acme");
        String secret = world.provisioning.ensureClient(TestWorld.client(acme, "backend").scopes("catalog").build(),
                Optional.empty()).generatedSecret().orElseThrow();
        assertEquals("backend", Outcomes.success(world.authenticator.authenticate(acme,
                new ClientCredentials.SecretBasic("backend", secret), SourceAddress.UNKNOWN)).clientId());
    }

    @Test
    void anExistingClientIsLeftUnchanged() {
        Tenant acme = world.addTenant("acme");
        Client existing = world.addClient(acme, "backend", "original", "catalog");
        ClientRegistration before = registration(acme, "backend");
        Client different = TestWorld.client(acme, "backend").scopes("admin").lifetimes(60)
                .authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_POST).build();

        Provisioning.ClientProvisioned result = world.provisioning.ensureClient(different, Optional.of("replaced"));

        assertFalse(result.created());
        assertEquals(existing, result.client());
        assertTrue(result.generatedSecret().isEmpty());
        assertEquals(before, registration(acme, "backend"));
        assertEquals(0, world.clients.createCalls);
    }

    @Test
    void anExistingClientGetsNoNewGeneratedSecret() {
        Tenant acme = world.addTenant("acme");
        Client wanted = TestWorld.client(acme, "backend").scopes("catalog").build();
        String first = world.provisioning.ensureClient(wanted, Optional.empty()).generatedSecret().orElseThrow();
        List<StoredSecret> afterFirst = registration(acme, "backend").secrets();

        Provisioning.ClientProvisioned again = world.provisioning.ensureClient(wanted, Optional.empty());

        assertFalse(again.created());
        assertTrue(again.generatedSecret().isEmpty(), "a secret is shown only when it is created");
        assertEquals(afterFirst, registration(acme, "backend").secrets());
        assertEquals(CountingSecretDigester.digestOf(first), afterFirst.getFirst().digest());
    }

    @Test
    void aPublicClientGetsNoSecret() {
        Tenant acme = world.addTenant("acme");
        Client spa = TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE).scopes("catalog").build();
        int digestsBefore = world.digester.digestCalls;

        Provisioning.ClientProvisioned result = world.provisioning.ensureClient(spa, Optional.empty());

        assertTrue(result.created());
        assertTrue(result.generatedSecret().isEmpty());
        assertTrue(registration(acme, "spa").secrets().isEmpty());
        assertEquals(0, world.random.secrets);
        assertEquals(digestsBefore, world.digester.digestCalls, "nothing digested");
    }

    @Test
    void aPublicClientIgnoresAGivenSecret() {
        Tenant acme = world.addTenant("acme");
        Client spa = TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE).build();
        Provisioning.ClientProvisioned result = world.provisioning.ensureClient(spa, Optional.of("pointless"));
        assertTrue(result.generatedSecret().isEmpty());
        assertTrue(registration(acme, "spa").secrets().isEmpty());
    }

    @Test
    void theSameClientIdInAnotherTenantIsAnotherClient() {
        Tenant acme = world.addTenant("acme");
        Tenant shop = world.addTenant("shop");
        world.addClient(acme, "backend", "x", "catalog");
        Provisioning.ClientProvisioned result = world.provisioning.ensureClient(
                TestWorld.client(shop, "backend").build(), Optional.empty());
        assertTrue(result.created());
        assertTrue(result.generatedSecret().isPresent());
    }

    @Test
    void whenAnotherReplicaCreatesTheClientFirstItsClientIsReturned() {
        Tenant acme = world.addTenant("acme");
        Client theirs = TestWorld.client(acme, "backend").scopes("theirs").build();
        Client ours = TestWorld.client(acme, "backend").scopes("ours").build();
        // the client appears between provisioning's read and its write
        world.clients.put(theirs, TestWorld.secret("theirs"));
        world.clients.findsToMiss = 1;

        Provisioning.ClientProvisioned result = world.provisioning.ensureClient(ours, Optional.empty());

        assertFalse(result.created());
        assertSame(theirs, result.client());
        assertTrue(result.generatedSecret().isEmpty(), "a secret that was never stored is not handed out");
        assertEquals(List.of(CountingSecretDigester.digestOf("theirs")),
                registration(acme, "backend").secrets().stream().map(StoredSecret::digest).toList());
    }

    private ClientRegistration registration(Tenant tenant, String clientId) {
        return world.clients.find(tenant.id(), clientId).orElseThrow();
    }
}
