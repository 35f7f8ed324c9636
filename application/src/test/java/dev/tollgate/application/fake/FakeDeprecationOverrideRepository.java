package dev.tollgate.application.fake;

import dev.tollgate.application.port.DeprecationOverrideRepository;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class FakeDeprecationOverrideRepository implements DeprecationOverrideRepository {

    private final Map<UUID, Map<LegacySurface, DeprecationPolicy>> overrides = new ConcurrentHashMap<>();

    @Override
    public Map<LegacySurface, DeprecationPolicy> find(UUID tenantId) {
        return overrides.getOrDefault(tenantId, Map.of());
    }

    @Override
    public void replace(UUID tenantId, Collection<DeprecationPolicy> policies) {
        overrides.put(tenantId, policies.stream()
                .collect(Collectors.toUnmodifiableMap(DeprecationPolicy::surface, Function.identity())));
    }
}
