package dev.tollgate.domain.deprecation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeprecationHeadersTest {

    private static final URI GUIDE = URI.create("https://id.example.com/docs/migration-v0");

    @Test
    void withASunset() {
        Map<String, String> headers = DeprecationHeaders.of(new DeprecationDecision.Notice(
                DeprecationPolicy.SEED_DEPRECATED_AT, Optional.of(Instant.parse("2027-06-01T00:00:00Z")), GUIDE));
        assertEquals("@1704672000", headers.get("Deprecation"));
        assertEquals("Tue, 01 Jun 2027 00:00:00 GMT", headers.get("Sunset"));
        assertEquals("<" + GUIDE + ">; rel=\"deprecation\"; type=\"text/html\", <" + GUIDE
                + ">; rel=\"sunset\"; type=\"text/html\"", headers.get("Link"));
    }

    @Test
    void withoutASunset() {
        Map<String, String> headers = DeprecationHeaders.of(
                new DeprecationDecision.Notice(DeprecationPolicy.SEED_DEPRECATED_AT, Optional.empty(), GUIDE));
        assertFalse(headers.containsKey("Sunset"));
        assertEquals("<" + GUIDE + ">; rel=\"deprecation\"; type=\"text/html\"", headers.get("Link"));
    }

    @Test
    void aTenantOverrideWinsOverTheDefault() {
        DeprecationPolicy standard = new DeprecationPolicy(LegacySurface.V0_TOKEN, DeprecationPolicy.SEED_DEPRECATED_AT,
                Optional.of(Instant.parse("2027-01-01T00:00:00Z")), GUIDE, List.of());
        DeprecationPolicy later = new DeprecationPolicy(LegacySurface.V0_TOKEN, DeprecationPolicy.SEED_DEPRECATED_AT,
                Optional.of(Instant.parse("2027-12-01T00:00:00Z")), GUIDE, List.of());
        DeprecationPlan overridden = new DeprecationPlan(Map.of(LegacySurface.V0_TOKEN, standard),
                Map.of(LegacySurface.V0_TOKEN, later));
        DeprecationPlan plain = new DeprecationPlan(Map.of(LegacySurface.V0_TOKEN, standard), Map.of());
        assertEquals(Optional.of(later), overridden.policyFor(LegacySurface.V0_TOKEN));
        assertTrue(overridden.overridden(LegacySurface.V0_TOKEN));
        assertEquals(Optional.of(standard), plain.policyFor(LegacySurface.V0_TOKEN));
        assertFalse(plain.overridden(LegacySurface.V0_TOKEN));
        assertEquals(Optional.empty(), overridden.policyFor(LegacySurface.IMPLICIT));
    }

    @Test
    void aPolicyFiledUnderAnotherSurfaceIsRefused() {
        DeprecationPolicy token = new DeprecationPolicy(LegacySurface.V0_TOKEN, DeprecationPolicy.SEED_DEPRECATED_AT,
                Optional.empty(), GUIDE, List.of());
        assertThrows(IllegalArgumentException.class,
                () -> new DeprecationPlan(Map.of(LegacySurface.V0_REFRESH, token), Map.of()));
    }
}
