package dev.tollgate.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.deprecation.BrownoutWindow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Brownout windows from configuration: RFC 3339 intervals, and a start-up failure that names the property. */
class DeprecationSettingsTest {

    static final String PROPERTY = "tollgate.deprecation.v0-token.brownouts";

    @Test
    void anIntervalIsStartSlashEndWithAnyOffset() {
        BrownoutWindow window = DeprecationSettings.window(" 2026-12-01T10:00:00Z / 2026-12-01T12:30:00+01:00 ", PROPERTY);
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), window.start());
        assertEquals(Instant.parse("2026-12-01T11:30:00Z"), window.end());
    }

    @Test
    void aMistakeStopsTheStartUpNamingThePropertyAndTheValue() {
        for (String wrong : new String[] {"2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z/tomorrow",
                "2026-12-01T12:00:00Z/2026-12-01T10:00:00Z", "2026-12-01/2026-12-02"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> DeprecationSettings.window(wrong, PROPERTY));
            assertTrue(e.getMessage().startsWith(PROPERTY + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith(wrong), e.getMessage());
        }
    }
}
