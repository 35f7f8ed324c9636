package dev.tollgate.domain.deprecation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.tenant.TenantSlug;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeprecationPolicyTest {

    private static final URI GUIDE = URI.create("https://id.example.com/docs/migration-v0");
    private static final Instant SUNSET = Instant.parse("2027-06-01T00:00:00Z");
    private static final BrownoutWindow BROWNOUT =
            new BrownoutWindow(Instant.parse("2027-03-01T10:00:00Z"), Instant.parse("2027-03-01T12:00:00Z"));

    private final DeprecationPolicy policy = new DeprecationPolicy(LegacySurface.V0_TOKEN,
            DeprecationPolicy.SEED_DEPRECATED_AT, Optional.of(SUNSET), GUIDE, List.of(BROWNOUT));

    @Test
    void beforeTheDeprecationDateEverythingIsAllowed() {
        assertInstanceOf(DeprecationDecision.Allow.class, policy.decide(Instant.parse("2023-12-31T00:00:00Z")));
    }

    @Test
    void deprecatedSurfacesWarn() {
        assertInstanceOf(DeprecationDecision.AllowWithWarning.class, policy.decide(Instant.parse("2026-11-22T00:00:00Z")));
        assertInstanceOf(DeprecationDecision.AllowWithWarning.class, policy.decide(BROWNOUT.end()), "end is exclusive");
    }

    @Test
    void brownoutsAndTheSunsetRefuseNamingTheReplacementAndTheGuide() {
        var brownout = assertInstanceOf(DeprecationDecision.Refuse.class, policy.decide(BROWNOUT.start()));
        assertTrue(brownout.reason() == DeprecationDecision.Refuse.Reason.BROWNOUT);
        assertTrue(brownout.message().contains(GUIDE.toString()));
        assertTrue(brownout.message().contains("openid-connect/token"));
        var sunset = assertInstanceOf(DeprecationDecision.Refuse.class, policy.decide(SUNSET));
        assertTrue(sunset.reason() == DeprecationDecision.Refuse.Reason.SUNSET);
    }

    @Test
    void aCallerOfAKnownTenantIsToldTheExactReplacementPath() {
        var sunset = assertInstanceOf(DeprecationDecision.Refuse.class,
                policy.decide(SUNSET, Optional.of(new TenantSlug("acme-staging"))));
        assertEquals("This API was retired on 2027-06-01T00:00:00Z. Use POST /auth/realms/acme-staging/protocol/"
                + "openid-connect/token (client credentials) instead; see " + GUIDE, sunset.message());
        var unknown = assertInstanceOf(DeprecationDecision.Refuse.class, policy.decide(SUNSET));
        assertTrue(unknown.message().contains("/auth/realms/{tenant}/"), unknown.message());
    }

    @Test
    void aSunsetBeforeTheDeprecationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeprecationPolicy(LegacySurface.V0_TOKEN,
                SUNSET, Optional.of(DeprecationPolicy.SEED_DEPRECATED_AT), GUIDE, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BrownoutWindow(SUNSET, SUNSET));
    }
}
