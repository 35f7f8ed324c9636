package dev.tollgate.application.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.application.inmemory.World;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantDirectoryTest {

    private World world;
    private Tenant acme;
    private Tenant shop;

    @BeforeEach
    void setUp() {
        world = new World();
        acme = world.tenant("acme");
        shop = world.tenant("shop", "shop.example.com");
    }

    @Test
    void bySlug() {
        assertEquals(new Outcome.Success<>(acme), world.directory.bySlug("acme"));
        assertUnknown(world.directory.bySlug("missing"));
        assertUnknown(world.directory.bySlug("Not_A_Slug"));
    }

    @Test
    void byHostIgnoresPortAndCase() {
        assertEquals(new Outcome.Success<>(shop), world.directory.byHost("SHOP.example.com:8443"));
        assertEquals(new Outcome.Success<>(shop), world.directory.byHost("shop.example.com"));
    }

    @Test
    void unknownHostFallsBackToTheDefaultTenant() {
        assertEquals(new Outcome.Success<>(acme), world.directory.byHost("elsewhere.example.com"));
        assertEquals(new Outcome.Success<>(acme), world.directory.byHost(null));
        assertEquals(new Outcome.Success<>(acme), world.directory.byHost("[::1]:8080"));
    }

    @Test
    void disabledTenantIsUnknown() {
        Tenant disabled = world.tenant("disabled");
        world.tenants.bySlug.put("disabled", new Tenant(disabled.id(), disabled.slug(), "x", disabled.domains(),
                disabled.issuerOverride(), disabled.audienceOverride(), disabled.defaultLifetimes(),
                disabled.signingAlgorithm(), false));
        assertUnknown(world.directory.bySlug("disabled"));
    }

    @Test
    void noDefaultTenantMeansUnknown() {
        TenantDirectory withoutDefault = new TenantDirectory(world.tenants,
                new ServiceSettings(world.settings.publicUrl(), java.util.Optional.empty()));
        assertUnknown(withoutDefault.byHost("elsewhere.example.com"));
    }

    @Test
    void hostNameParsing() {
        assertEquals("example.com", TenantDirectory.hostName(" Example.COM:80 "));
        assertEquals("[::1]", TenantDirectory.hostName("[::1]:8080"));
    }

    private static void assertUnknown(Outcome<Tenant> outcome) {
        assertEquals(new Outcome.Failure<Tenant>(OAuthError.unknownTenant()), outcome);
    }
}
