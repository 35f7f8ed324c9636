package dev.tollgate.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.TokenLifetimes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final URI WITH_SLASH = URI.create("https://id.example.com/");
    private static final URI WITHOUT_SLASH = URI.create("https://id.example.com");

    @Test
    void realmUrlWithAndWithoutATrailingSlash() {
        Tenant tenant = tenant(Optional.empty(), Optional.empty());
        URI expected = URI.create("https://id.example.com/auth/realms/acme-staging");
        assertEquals(expected, tenant.realmUrl(WITH_SLASH));
        assertEquals(expected, tenant.realmUrl(WITHOUT_SLASH));
    }

    @Test
    void realmUrlKeepsAPortAndAPathOfThePublicUrl() {
        Tenant tenant = tenant(Optional.empty(), Optional.empty());
        assertEquals(URI.create("http://localhost:8080/auth/realms/acme-staging"),
                tenant.realmUrl(URI.create("http://localhost:8080")));
        assertEquals(URI.create("https://example.com/tollgate/auth/realms/acme-staging"),
                tenant.realmUrl(URI.create("https://example.com/tollgate/")));
        assertEquals(URI.create("https://example.com/tollgate/auth/realms/acme-staging"),
                tenant.realmUrl(URI.create("https://example.com/tollgate")));
    }

    @Test
    void issuerIsTheRealmUrlWithoutAnOverride() {
        Tenant tenant = tenant(Optional.empty(), Optional.empty());
        URI expected = URI.create("https://id.example.com/auth/realms/acme-staging");
        assertEquals(expected, tenant.issuer(WITH_SLASH));
        assertEquals(expected, tenant.issuer(WITHOUT_SLASH));
    }

    @Test
    void audienceIsTheIssuerWithoutAnOverride() {
        Tenant tenant = tenant(Optional.empty(), Optional.empty());
        assertEquals("https://id.example.com/auth/realms/acme-staging", tenant.audience(WITH_SLASH));
        assertEquals("https://id.example.com/auth/realms/acme-staging", tenant.audience(WITHOUT_SLASH));
    }

    @Test
    void issuerOverrideIsUsedAsIsAndTheRealmUrlIsUnaffected() {
        Tenant tenant = tenant(Optional.of(URI.create("https://login.shop.example/")), Optional.empty());
        assertEquals(URI.create("https://login.shop.example/"), tenant.issuer(WITH_SLASH));
        assertEquals(URI.create("https://login.shop.example/"), tenant.issuer(WITHOUT_SLASH));
        assertEquals(URI.create("https://id.example.com/auth/realms/acme-staging"), tenant.realmUrl(WITH_SLASH));
        assertEquals("https://login.shop.example/", tenant.audience(WITH_SLASH), "audience follows the issuer");
    }

    @Test
    void audienceOverrideIsUsedAsIs() {
        Tenant onlyAudience = tenant(Optional.empty(), Optional.of("https://api.shop.example"));
        assertEquals("https://api.shop.example", onlyAudience.audience(WITH_SLASH));
        assertEquals(URI.create("https://id.example.com/auth/realms/acme-staging"), onlyAudience.issuer(WITH_SLASH));

        Tenant both = tenant(Optional.of(URI.create("https://login.shop.example")), Optional.of("commerce-api"));
        assertEquals(URI.create("https://login.shop.example"), both.issuer(WITHOUT_SLASH));
        assertEquals("commerce-api", both.audience(WITHOUT_SLASH));
    }

    @Test
    void domainsAreCopied() {
        List<String> domains = new ArrayList<>(List.of("shop.example"));
        Tenant tenant = new Tenant(UUID.randomUUID(), new TenantSlug("shop"), "Shop", domains, Optional.empty(),
                Optional.empty(), TokenLifetimes.ofSeconds(3600, 0), SigningAlgorithm.RS256, true);
        domains.add("evil.example");
        assertEquals(List.of("shop.example"), tenant.domains());
        assertThrows(UnsupportedOperationException.class, () -> tenant.domains().add("x"));
    }

    @Test
    void requiredPartsMayNotBeNull() {
        assertThrows(NullPointerException.class, () -> new Tenant(null, new TenantSlug("a"), "A", List.of(),
                Optional.empty(), Optional.empty(), TokenLifetimes.ofSeconds(3600, 0), SigningAlgorithm.RS256, true));
        assertThrows(NullPointerException.class, () -> new Tenant(UUID.randomUUID(), new TenantSlug("a"), "A",
                List.of(), null, Optional.empty(), TokenLifetimes.ofSeconds(3600, 0), SigningAlgorithm.RS256, true));
    }

    @Test
    void signingAlgorithmParsesExactNames() {
        assertEquals(Optional.of(SigningAlgorithm.RS256), SigningAlgorithm.parse("RS256"));
        assertEquals(Optional.of(SigningAlgorithm.ES256), SigningAlgorithm.parse("ES256"));
        assertEquals(Optional.empty(), SigningAlgorithm.parse("rs256"));
        assertEquals(Optional.empty(), SigningAlgorithm.parse("none"));
    }

    @Test
    void theDefaultImplicitScopeIsWhatAStorefrontNeedsAndNothingMore() {
        assertEquals(List.of("catalog:read", "carts:read", "carts:write", "checkout:write"),
                List.copyOf(Tenant.DEFAULT_IMPLICIT_SCOPE.tokens()));
        assertTrue(Tenant.DEFAULT_IMPLICIT_SCOPE.tokens().stream()
                .noneMatch(token -> token.startsWith("customers") || token.startsWith("orders")));
    }

    @Test
    void tenantsBuiltWithoutAnImplicitScopeGetTheDefault() {
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, tenant(Optional.empty(), Optional.empty()).implicitScope());
        Tenant withLegacySettings = new Tenant(UUID.randomUUID(), new TenantSlug("a"), "A", List.of(),
                Optional.empty(), Optional.empty(), TokenLifetimes.ofSeconds(3600, 0), SigningAlgorithm.RS256, true,
                LegacyTokenSettings.DEFAULT);
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, withLegacySettings.implicitScope());
        Tenant withView = new Tenant(UUID.randomUUID(), new TenantSlug("a"), "A", List.of(), Optional.empty(),
                Optional.empty(), TokenLifetimes.ofSeconds(3600, 0), SigningAlgorithm.RS256, true,
                LegacyTokenSettings.DEFAULT, Optional.empty());
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, withView.implicitScope());
    }

    @Test
    void withImplicitScopeChangesOnlyTheImplicitScope() {
        Tenant original = tenant(Optional.of(URI.create("https://login.shop.example/")), Optional.of("api"));
        Tenant changed = original.withImplicitScope(Scope.of("catalog:read"));
        assertEquals(Scope.of("catalog:read"), changed.implicitScope());
        assertEquals(Tenant.DEFAULT_IMPLICIT_SCOPE, original.implicitScope(), "a new value, the original unchanged");
        assertNotEquals(original, changed);
        assertEquals(original, changed.withImplicitScope(Tenant.DEFAULT_IMPLICIT_SCOPE),
                "every other component is kept");
        assertEquals(Scope.EMPTY, original.withImplicitScope(Scope.EMPTY).implicitScope());
    }

    @Test
    void withDefaultViewKeepsTheImplicitScope() {
        Tenant narrow = tenant(Optional.empty(), Optional.empty()).withImplicitScope(Scope.of("catalog:read"));
        assertEquals(Scope.of("catalog:read"), narrow.withDefaultView(Optional.empty()).implicitScope());
    }

    @Test
    void theImplicitScopeMayNotBeNull() {
        Tenant tenant = tenant(Optional.empty(), Optional.empty());
        assertThrows(NullPointerException.class, () -> tenant.withImplicitScope(null));
    }

    private static Tenant tenant(Optional<URI> issuer, Optional<String> audience) {
        return new Tenant(UUID.randomUUID(), new TenantSlug("acme-staging"), "ACME", List.of(), issuer, audience,
                TokenLifetimes.ofSeconds(3600, 0), SigningAlgorithm.RS256, true);
    }
}
