package dev.tollgate.domain.deprecation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LegacyUsageTest {

    private static final LegacyUsage.Caller CALLER =
            new LegacyUsage.Caller(UUID.randomUUID(), LegacySurface.V0_TOKEN, "legacy-v0", Optional.empty());
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void talliesAddUpAndKeepTheOuterTimes() {
        LegacyUsage later = LegacyUsage.of(CALLER, true, T0.plusSeconds(60));
        LegacyUsage earlier = LegacyUsage.of(CALLER, false, T0);
        LegacyUsage sum = later.plus(earlier);
        assertEquals(2, sum.calls());
        assertEquals(1, sum.refusals());
        assertEquals(T0, sum.firstSeen());
        assertEquals(T0.plusSeconds(60), sum.lastSeen());
        assertEquals(sum, earlier.plus(later));
    }

    @Test
    void talliesOfDifferentCallersDoNotMix() {
        LegacyUsage.Caller other = new LegacyUsage.Caller(CALLER.tenantId(), LegacySurface.V0_REFRESH, "legacy-v0",
                Optional.empty());
        assertThrows(IllegalArgumentException.class,
                () -> LegacyUsage.of(CALLER, false, T0).plus(LegacyUsage.of(other, false, T0)));
    }

    @Test
    void moreRefusalsThanCallsIsNotATally() {
        assertThrows(IllegalArgumentException.class, () -> new LegacyUsage(CALLER, 1, 2, T0, T0));
        assertThrows(IllegalArgumentException.class, () -> new LegacyUsage(CALLER, 1, 0, T0, T0.minusSeconds(1)));
    }
}
