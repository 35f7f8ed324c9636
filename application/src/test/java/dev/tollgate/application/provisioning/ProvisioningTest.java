package dev.tollgate.application.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.inmemory.World;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.tenant.Tenant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvisioningTest {

    private final World world = new World();

    @Test
    void existingTenantIsKept() {
        Tenant first = world.tenant("acme");
        Tenant again = world.provisioning.ensureTenant(new Tenant(java.util.UUID.randomUUID(), first.slug(), "other",
                first.domains(), first.issuerOverride(), first.audienceOverride(), first.defaultLifetimes(),
                first.signingAlgorithm(), true));
        assertEquals(first, again);
    }

    @Test
    void generatedSecretIsReturnedOnceAndStoredAsADigest() {
        Tenant acme = world.tenant("acme");
        Client wanted = world.client(acme, "new", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true, Optional.empty(),
                "read");
        var created = world.provisioning.ensureClient(wanted, Optional.empty());
        assertTrue(created.created());
        String secret = created.generatedSecret().orElseThrow();
        var stored = world.clients.find(acme.id(), "new").orElseThrow().secrets();
        assertEquals(1, stored.size());
        assertEquals(world.digester.digest(secret), stored.getFirst().digest());

        var again = world.provisioning.ensureClient(wanted, Optional.of("other"));
        assertFalse(again.created());
        assertTrue(again.generatedSecret().isEmpty(), "a secret is shown only when it is created");
        assertEquals(stored, world.clients.find(acme.id(), "new").orElseThrow().secrets());
    }

    @Test
    void givenSecretIsNotEchoed() {
        Tenant acme = world.tenant("acme");
        var created = world.provisioning.ensureClient(world.client(acme, "given",
                TokenEndpointAuthMethod.CLIENT_SECRET_POST, true, Optional.empty(), "read"), Optional.of("chosen"));
        assertTrue(created.generatedSecret().isEmpty());
        assertEquals("d:chosen", world.clients.find(acme.id(), "given").orElseThrow().secrets().getFirst().digest());
    }

    @Test
    void publicClientGetsNoSecret() {
        Tenant acme = world.tenant("acme");
        var created = world.provisioning.ensureClient(world.client(acme, "spa", TokenEndpointAuthMethod.NONE, true,
                Optional.empty(), "read"), Optional.empty());
        assertTrue(created.generatedSecret().isEmpty());
        assertTrue(world.clients.find(acme.id(), "spa").orElseThrow().secrets().isEmpty());
    }
}
