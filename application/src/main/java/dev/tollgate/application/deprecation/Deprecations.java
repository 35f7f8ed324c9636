package dev.tollgate.application.deprecation;

import dev.tollgate.application.port.DeprecationOverrideRepository;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.DeprecationPlan;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** What the deprecation policy says, now, about a call of a legacy surface for a tenant. */
@Singleton
public class Deprecations {

    private final DefaultDeprecations defaults;
    private final DeprecationOverrideRepository overrides;
    private final Clock clock;

    @Inject
    public Deprecations(DefaultDeprecations defaults, DeprecationOverrideRepository overrides, Clock clock) {
        this.defaults = defaults;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** The tenant's plan; without a tenant (none could be resolved) the service-wide one. */
    public DeprecationPlan plan(Optional<Tenant> tenant) {
        return new DeprecationPlan(defaults.policies(), tenant.map(t -> overrides.find(t.id())).orElse(Map.of()));
    }

    /** Empty when the surface has no policy at all. */
    public Optional<DeprecationDecision> decide(Optional<Tenant> tenant, LegacySurface surface) {
        return plan(tenant).policyFor(surface).map(policy -> policy.decide(clock.instant(), tenant.map(Tenant::slug)));
    }
}
