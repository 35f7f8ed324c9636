package dev.tollgate.adapters.persistence.deprecation;

import dev.tollgate.adapters.persistence.SqlValues;
import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.deprecation.UsageReportLine;
import dev.tollgate.application.port.LegacyUsageRepository;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.deprecation.LegacyUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tallies are added in the database (upsert), so replicas flushing their own buffers never overwrite each other. */
@ApplicationScoped
@DatabaseCall
public class JdbcLegacyUsageRepository implements LegacyUsageRepository {

    private final EntityManager em;

    public JdbcLegacyUsageRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void add(Collection<LegacyUsage> tallies) {
        for (LegacyUsage tally : tallies) {
            // a tenant deleted since the call was counted has nothing left to report on
            SqlValues.nativeQuery(em, """
                    insert into legacy_usage (tenant_id, surface, client_id, user_id, calls, refusals, first_seen,
                                              last_seen)
                    select ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 where exists (select 1 from tenant where id = ?1)
                    on conflict on constraint legacy_usage_caller do update set
                        calls = legacy_usage.calls + excluded.calls,
                        refusals = legacy_usage.refusals + excluded.refusals,
                        first_seen = least(legacy_usage.first_seen, excluded.first_seen),
                        last_seen = greatest(legacy_usage.last_seen, excluded.last_seen)
                    """)
                    .setParameter(1, tally.caller().tenantId())
                    .setParameter(2, tally.caller().surface().wireName())
                    .setParameter(3, tally.caller().clientId())
                    .setParameter(4, tally.caller().userId().orElse(null), UUID.class)
                    .setParameter(5, tally.calls())
                    .setParameter(6, tally.refusals())
                    .setParameter(7, tally.firstSeen())
                    .setParameter(8, tally.lastSeen())
                    .executeUpdate();
        }
    }

    @Override
    @Transactional
    public List<UsageReportLine> report(UUID tenantId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select u.surface, u.client_id, u.user_id, tu.email, tu.username, u.calls, u.refusals, u.first_seen,
                       u.last_seen
                from legacy_usage u
                left join tenant_user tu on tu.id = u.user_id and tu.tenant_id = u.tenant_id
                where u.tenant_id = ?1
                order by u.last_seen desc, u.surface, u.client_id, u.user_id nulls last
                offset ?2 limit ?3
                """)
                .setParameter(1, tenantId)
                .setParameter(2, offset)
                .setParameter(3, limit)
                .getResultList();
        // a surface this version no longer knows is left out of the report
        return rows.stream()
                .flatMap(row -> LegacySurface.parse((String) row[0]).map(surface -> new UsageReportLine(surface,
                        (String) row[1], Optional.ofNullable((UUID) row[2]), Optional.ofNullable((String) row[3]),
                        Optional.ofNullable((String) row[4]), ((Number) row[5]).longValue(),
                        ((Number) row[6]).longValue(), SqlValues.instant(row[7]), SqlValues.instant(row[8])))
                        .stream())
                .toList();
    }
}
