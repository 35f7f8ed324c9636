package dev.tollgate.adapters.rest.observability;

import dev.tollgate.application.port.LegacyCalls;
import dev.tollgate.domain.deprecation.LegacySurface;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code tollgate_legacy_calls_total{surface, outcome}}: the deprecated-surface calls as the migration report counts
 * them, served or refused (brownout, sunset). Through a port of the application, since only the use cases know when
 * a call is a legacy one (the password grant at any token endpoint, v0) and whether the policy refused it. Every
 * counter exists from the start (4 surfaces × 2 outcomes), so a call costs an array read.
 */
@ApplicationScoped
public class MeteredLegacyCalls implements LegacyCalls {

    public static final String NAME = "tollgate.legacy.calls";

    private final Counter[] served = new Counter[LegacySurface.values().length];
    private final Counter[] refused = new Counter[LegacySurface.values().length];

    public MeteredLegacyCalls(MeterRegistry registry) {
        for (LegacySurface surface : LegacySurface.values()) {
            served[surface.ordinal()] = counter(registry, surface, "served");
            refused[surface.ordinal()] = counter(registry, surface, "refused");
        }
    }

    private static Counter counter(MeterRegistry registry, LegacySurface surface, String outcome) {
        return Counter.builder(NAME)
                .description("Calls of deprecated surfaces, served or refused by their deprecation policy")
                .tag("surface", surface.wireName())
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void called(LegacySurface surface, boolean wasRefused) {
        (wasRefused ? refused : served)[surface.ordinal()].increment();
    }
}
