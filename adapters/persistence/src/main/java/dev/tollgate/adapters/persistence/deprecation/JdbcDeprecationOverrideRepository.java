package dev.tollgate.adapters.persistence.deprecation;

import dev.tollgate.adapters.persistence.SqlValues;
import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.port.DeprecationOverrideRepository;
import dev.tollgate.domain.deprecation.BrownoutWindow;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@DatabaseCall
public class JdbcDeprecationOverrideRepository implements DeprecationOverrideRepository {

    private final EntityManager em;

    public JdbcDeprecationOverrideRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Map<LegacySurface, DeprecationPolicy> find(UUID tenantId) {
        // asked on every legacy call: most tenants have no override, and then one query is all it costs
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select surface, deprecated_at, sunset_at, link from deprecation_override where tenant_id = ?1
                """).setParameter(1, tenantId).getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> windows = em.createNativeQuery("""
                select surface, starts_at, ends_at from deprecation_brownout where tenant_id = ?1 order by starts_at
                """).setParameter(1, tenantId).getResultList();
        Map<String, List<BrownoutWindow>> brownouts = new HashMap<>();
        for (Object[] w : windows) {
            brownouts.computeIfAbsent((String) w[0], k -> new ArrayList<>())
                    .add(new BrownoutWindow(SqlValues.instant(w[1]), SqlValues.instant(w[2])));
        }
        Map<LegacySurface, DeprecationPolicy> policies = new EnumMap<>(LegacySurface.class);
        for (Object[] row : rows) {
            String wireName = (String) row[0];
            // a surface this version no longer knows is skipped, not fatal
            LegacySurface.parse(wireName).ifPresent(surface -> policies.put(surface, new DeprecationPolicy(surface,
                    SqlValues.instant(row[1]),
                    Optional.ofNullable(row[2]).map(SqlValues::instant),
                    URI.create((String) row[3]),
                    brownouts.getOrDefault(wireName, List.of()))));
        }
        return policies;
    }

    @Override
    @Transactional
    public void replace(UUID tenantId, Collection<DeprecationPolicy> policies) {
        // brownouts go with their policy (on delete cascade)
        em.createNativeQuery("delete from deprecation_override where tenant_id = ?1")
                .setParameter(1, tenantId).executeUpdate();
        for (DeprecationPolicy policy : policies) {
            SqlValues.nativeQuery(em, """
                    insert into deprecation_override (tenant_id, surface, deprecated_at, sunset_at, link)
                    values (?1, ?2, ?3, ?4, ?5)
                    """)
                    .setParameter(1, tenantId)
                    .setParameter(2, policy.surface().wireName())
                    .setParameter(3, policy.deprecatedAt())
                    .setParameter(4, policy.sunsetAt().orElse(null), Instant.class)
                    .setParameter(5, policy.guide().toString())
                    .executeUpdate();
            for (BrownoutWindow window : policy.brownouts()) {
                em.createNativeQuery("""
                        insert into deprecation_brownout (tenant_id, surface, starts_at, ends_at)
                        values (?1, ?2, ?3, ?4)
                        """)
                        .setParameter(1, tenantId)
                        .setParameter(2, policy.surface().wireName())
                        .setParameter(3, window.start())
                        .setParameter(4, window.end())
                        .executeUpdate();
            }
        }
    }
}
