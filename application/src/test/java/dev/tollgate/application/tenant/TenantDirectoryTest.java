package dev.tollgate.application.tenant;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.application.fake.FakeTenantRepository;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantDirectoryTest {

    private FakeTenantRepository tenants;
    private TenantDirectory directory;
    private Tenant acme;
    private Tenant shop;

    @BeforeEach
    void setUp() {
        tenants = new FakeTenantRepository();
        acme = tenants.put(TestWorld.tenant("acme").build());
        shop = tenants.put(TestWorld.tenant("shop").domains("shop.example.com", "www.shop.example.com").build());
        directory = new TenantDirectory(tenants, new ServiceSettings(TestWorld.PUBLIC_URL,
                Optional.of(new TenantSlug("acme"))));
    }

    // ---- by slug

    @Test
    void findsAnEnabledTenantBySlug() {
        assertEquals(acme, success(directory.bySlug("acme")));
        assertEquals(shop, success(directory.bySlug("shop")));
    }

    @Test
    void anUnknownSlugIsAnUnknownTenant() {
        assertUnknown(directory.bySlug("missing"));
    }

    @Test
    void anInvalidSlugIsAnUnknownTenantWithoutAnException() {
        for (String invalid : List.of("", "ACME", "Acme", "-acme", "acme-", "a_b", "a".repeat(64), "../acme",
                "acme/x")) {
            assertUnknown(directory.bySlug(invalid));
        }
        assertUnknown(directory.bySlug(null));
    }

    @Test
    void aDisabledTenantIsUnknownBySlug() {
        tenants.put(TestWorld.tenant("sleeping").disabled().build());
        assertUnknown(directory.bySlug("sleeping"));
    }

    // ---- by host

    @Test
    void findsTheTenantOwningTheHost() {
        assertEquals(shop, success(directory.byHost("shop.example.com")));
        assertEquals(shop, success(directory.byHost("www.shop.example.com")));
    }

    @Test
    void hostPortAndCaseDoNotMatter() {
        assertEquals(shop, success(directory.byHost("shop.example.com:8443")));
        assertEquals(shop, success(directory.byHost("SHOP.Example.COM")));
        assertEquals(shop, success(directory.byHost("Shop.Example.Com:443")));
        assertEquals(shop, success(directory.byHost(" shop.example.com ")));
    }

    @Test
    void theRepositoryIsAskedWithTheBareLowercaseHostName() {
        directory.byHost("SHOP.Example.COM:8443");
        assertEquals(List.of("shop.example.com"), tenants.domainLookups);
    }

    @Test
    void anUnknownHostFallsBackToTheDefaultTenant() {
        assertEquals(acme, success(directory.byHost("elsewhere.example.com")));
        assertEquals(acme, success(directory.byHost("localhost:8080")));
        assertEquals(acme, success(directory.byHost("[::1]:8080")));
    }

    @Test
    void aMissingOrEmptyHostFallsBackToTheDefaultTenant() {
        assertEquals(acme, success(directory.byHost(null)));
        assertEquals(acme, success(directory.byHost("")));
        assertEquals(acme, success(directory.byHost(":8080")));
    }

    @Test
    void withoutADefaultTenantAnUnknownHostIsAnUnknownTenant() {
        TenantDirectory withoutDefault = new TenantDirectory(tenants,
                new ServiceSettings(TestWorld.PUBLIC_URL, Optional.empty()));
        assertUnknown(withoutDefault.byHost("elsewhere.example.com"));
        assertUnknown(withoutDefault.byHost(null));
        assertEquals(shop, success(withoutDefault.byHost("shop.example.com")));
    }

    @Test
    void aDefaultTenantThatDoesNotExistIsAnUnknownTenant() {
        TenantDirectory dangling = new TenantDirectory(tenants,
                new ServiceSettings(TestWorld.PUBLIC_URL, Optional.of(new TenantSlug("gone"))));
        assertUnknown(dangling.byHost("elsewhere.example.com"));
    }

    @Test
    void aDisabledDefaultTenantIsAnUnknownTenant() {
        tenants.put(TestWorld.tenant("acme").id(acme.id()).disabled().build());
        assertUnknown(directory.byHost("elsewhere.example.com"));
    }

    @Test
    void aDisabledTenantsHostIsUnknownRatherThanTheDefaultTenant() {
        tenants.put(TestWorld.tenant("shop").id(shop.id()).domains("shop.example.com").disabled().build());
        assertUnknown(directory.byHost("shop.example.com"));
    }

    @Test
    void hostNameStripsPortAndLowercasesAndKeepsIpv6Brackets() {
        assertEquals("example.com", TenantDirectory.hostName(" Example.COM:80 "));
        assertEquals("example.com", TenantDirectory.hostName("example.com"));
        assertEquals("[::1]", TenantDirectory.hostName("[::1]:8080"));
        assertEquals("[2001:db8::1]", TenantDirectory.hostName("[2001:DB8::1]"));
        assertEquals("", TenantDirectory.hostName(":443"));
    }

    private static void assertUnknown(Outcome<Tenant> outcome) {
        OAuthError error = failure(outcome);
        assertEquals(OAuthError.Cause.UNKNOWN_TENANT, error.cause());
        assertEquals(OAuthErrorCode.INVALID_REQUEST, error.code());
        assertEquals(OAuthError.unknownTenant(), error);
    }
}
