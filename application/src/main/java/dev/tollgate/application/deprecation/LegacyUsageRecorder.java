package dev.tollgate.application.deprecation;

import dev.tollgate.application.port.LegacyCalls;
import dev.tollgate.application.port.LegacyUsageRepository;
import dev.tollgate.domain.deprecation.LegacyUsage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts legacy calls in memory and writes the tallies in batches, so that a deprecated endpoint costs no extra
 * database write per request. The buffer holds one tally per caller, so it stays as small as the set of callers.
 * A flush that fails puts its tallies back; the service flushes on a schedule and on shutdown.
 */
@Singleton
public class LegacyUsageRecorder {

    private final ConcurrentHashMap<LegacyUsage.Caller, LegacyUsage> pending = new ConcurrentHashMap<>();
    private final LegacyUsageRepository repository;
    private final Clock clock;
    private final LegacyCalls calls;

    @Inject
    public LegacyUsageRecorder(LegacyUsageRepository repository, Clock clock, LegacyCalls calls) {
        this.repository = repository;
        this.clock = clock;
        this.calls = calls;
    }

    public LegacyUsageRecorder(LegacyUsageRepository repository, Clock clock) {
        this(repository, clock, LegacyCalls.NONE);
    }

    public void record(LegacyUsage.Caller caller, boolean refused) {
        pending.merge(caller, LegacyUsage.of(caller, refused, clock.instant()), LegacyUsage::plus);
        calls.called(caller.surface(), refused);
    }

    /** Writes what is pending; returns how many tallies were written. */
    public synchronized int flush() {
        List<LegacyUsage> batch = new ArrayList<>();
        for (LegacyUsage.Caller caller : List.copyOf(pending.keySet())) {
            // remove, not read-then-clear: a call counted meanwhile starts a new tally for the next flush
            LegacyUsage tally = pending.remove(caller);
            if (tally != null) {
                batch.add(tally);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            repository.add(batch);
        } catch (RuntimeException e) {
            batch.forEach(tally -> pending.merge(tally.caller(), tally, LegacyUsage::plus));
            throw e;
        }
        return batch.size();
    }

    /** Tallies not written yet. */
    public int pendingCount() {
        return pending.size();
    }
}
