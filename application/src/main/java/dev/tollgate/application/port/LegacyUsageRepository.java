package dev.tollgate.application.port;

import dev.tollgate.application.deprecation.UsageReportLine;
import dev.tollgate.domain.deprecation.LegacyUsage;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Outbound port: the running tallies of legacy calls behind the migration report. */
public interface LegacyUsageRepository {

    /** Adds the tallies to the stored ones (counts summed, first/last seen widened), in one transaction. */
    void add(Collection<LegacyUsage> tallies);

    /** The tenant's callers, most recently seen first; at most {@code limit} from {@code offset}. */
    List<UsageReportLine> report(UUID tenantId, int offset, int limit);
}
