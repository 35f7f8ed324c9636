package dev.tollgate.application.fake;

import dev.tollgate.application.deprecation.UsageReportLine;
import dev.tollgate.application.port.LegacyUsageRepository;
import dev.tollgate.domain.deprecation.LegacyUsage;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Stored tallies; can be told to fail, like a database that is down. */
public final class FakeLegacyUsageRepository implements LegacyUsageRepository {

    public final Map<LegacyUsage.Caller, LegacyUsage> stored = new ConcurrentHashMap<>();
    public boolean down;
    public int writes;

    @Override
    public void add(Collection<LegacyUsage> tallies) {
        if (down) {
            throw new IllegalStateException("database down");
        }
        writes++;
        tallies.forEach(t -> stored.merge(t.caller(), t, LegacyUsage::plus));
    }

    @Override
    public List<UsageReportLine> report(UUID tenantId, int offset, int limit) {
        return stored.values().stream()
                .filter(u -> u.caller().tenantId().equals(tenantId))
                .sorted(Comparator.comparing(LegacyUsage::lastSeen).reversed())
                .skip(offset).limit(limit)
                .map(u -> new UsageReportLine(u.caller().surface(), u.caller().clientId(), u.caller().userId(),
                        Optional.empty(), Optional.empty(), u.calls(), u.refusals(), u.firstSeen(), u.lastSeen()))
                .toList();
    }
}
