package dev.tollgate.domain.deprecation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policies one tenant lives under: the service-wide defaults, each replaced by the tenant's own policy for that
 * surface when it has one (a tenant may, say, get a later sunset or an extra brownout).
 */
public record DeprecationPlan(Map<LegacySurface, DeprecationPolicy> defaults, Map<LegacySurface, DeprecationPolicy> overrides) {

    public DeprecationPlan {
        defaults = copy(defaults);
        overrides = copy(overrides);
    }

    private static Map<LegacySurface, DeprecationPolicy> copy(Map<LegacySurface, DeprecationPolicy> policies) {
        Map<LegacySurface, DeprecationPolicy> copy = new EnumMap<>(LegacySurface.class);
        policies.forEach((surface, policy) -> {
            Objects.requireNonNull(policy, "policy");
            if (policy.surface() != surface) {
                throw new IllegalArgumentException("policy of " + policy.surface() + " filed under " + surface);
            }
            copy.put(surface, policy);
        });
        return Map.copyOf(copy);
    }

    /** The tenant's own policy for the surface, else the default one; empty when the surface is not deprecated. */
    public Optional<DeprecationPolicy> policyFor(LegacySurface surface) {
        Objects.requireNonNull(surface, "surface");
        return Optional.ofNullable(overrides.get(surface)).or(() -> Optional.ofNullable(defaults.get(surface)));
    }

    public boolean overridden(LegacySurface surface) {
        return overrides.containsKey(surface);
    }
}
