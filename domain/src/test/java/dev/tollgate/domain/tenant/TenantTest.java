package dev.tollgate.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.token.TokenLifetimes;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantTest {

    @Test
    void slugShape() {
        for (String good : List.of("acme", "acme-staging", "a", "x1", "a".repeat(63))) {
            assertTrue(TenantSlug.parse(good).isPresent(), good);
        }
        for (String bad : List.of("", "Acme", "-acme", "acme-", "acme_staging", "a".repeat(64), "ac me")) {
            assertTrue(TenantSlug.parse(bad).isEmpty(), bad);
            assertThrows(IllegalArgumentException.class, () -> new TenantSlug(bad));
        }
    }

    @Test
    void issuerIsTheRealmUrlUnlessOverridden() {
        Tenant tenant = tenant(Optional.empty(), Optional.empty());
        assertEquals(URI.create("https://id.example.com/auth/realms/acme-staging"),
                tenant.issuer(URI.create("https://id.example.com/")));
        assertEquals(URI.create("https://id.example.com/auth/realms/acme-staging"),
                tenant.issuer(URI.create("https://id.example.com")));
        assertEquals("https://id.example.com/auth/realms/acme-staging",
                tenant.audience(URI.create("https://id.example.com")));

        Tenant overridden = tenant(Optional.of(URI.create("https://shop.example.com")), Optional.of("https://api.shop"));
        assertEquals(URI.create("https://shop.example.com"), overridden.issuer(URI.create("https://id.example.com")));
        assertEquals("https://api.shop", overridden.audience(URI.create("https://id.example.com")));
    }

    @Test
    void accessTokenLifetimeBounds() {
        assertThrows(IllegalArgumentException.class, () -> TokenLifetimes.ofSeconds(59, 0));
        TokenLifetimes.ofSeconds(60, 0);
        TokenLifetimes.ofSeconds(86_400, 0);
        assertThrows(IllegalArgumentException.class, () -> TokenLifetimes.ofSeconds(86_401, 0));
        assertThrows(IllegalArgumentException.class, () -> TokenLifetimes.ofSeconds(3600, -1));
    }

    private static Tenant tenant(Optional<URI> issuer, Optional<String> audience) {
        return new Tenant(UUID.randomUUID(), new TenantSlug("acme-staging"), "ACME", List.of(), issuer, audience,
                TokenLifetimes.ofSeconds(3600, 0), SigningAlgorithm.RS256, true);
    }
}
