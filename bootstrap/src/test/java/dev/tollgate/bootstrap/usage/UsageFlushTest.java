package dev.tollgate.bootstrap.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.application.deprecation.LegacyUsageRecorder;
import dev.tollgate.application.deprecation.UsageReportLine;
import dev.tollgate.application.port.LegacyUsageRepository;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.deprecation.LegacyUsage;
import io.quarkus.runtime.ShutdownEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, graceful shutdown, the fast part: what is counted in memory is written when the application stops (the
 * periodic flush may be most of an interval away), and a database that refuses the last flush does not stop the
 * shutdown. reliability/graceful-shutdown proves the whole of it against the packaged service.
 */
class UsageFlushTest {

    /** Stores what it is given, or refuses while {@code down}. */
    private static final class Tallies implements LegacyUsageRepository {
        final List<LegacyUsage> written = new ArrayList<>();
        boolean down;

        @Override
        public void add(Collection<LegacyUsage> tallies) {
            if (down) {
                throw new IllegalStateException("database unavailable");
            }
            written.addAll(tallies);
        }

        @Override
        public List<UsageReportLine> report(UUID tenantId, int offset, int limit) {
            return List.of();
        }
    }

    private static final LegacyUsage.Caller V0 = new LegacyUsage.Caller(UUID.randomUUID(), LegacySurface.V0_TOKEN,
            "legacy-v0", Optional.of(UUID.randomUUID()));
    private static final LegacyUsage.Caller PASSWORD = new LegacyUsage.Caller(UUID.randomUUID(),
            LegacySurface.PASSWORD_GRANT, "pos", Optional.empty());

    @Test
    void theCountedCallsAreWrittenOnShutdown() {
        Tallies repository = new Tallies();
        LegacyUsageRecorder recorder = new LegacyUsageRecorder(repository, Clock.systemUTC());
        recorder.record(V0, false);
        recorder.record(V0, true);
        recorder.record(PASSWORD, false);

        new UsageFlush(recorder).onShutdown(new ShutdownEvent());

        assertEquals(0, recorder.pendingCount());
        assertEquals(2, repository.written.size());
        LegacyUsage v0 = repository.written.stream().filter(t -> t.caller().equals(V0)).findFirst().orElseThrow();
        assertEquals(2, v0.calls());
        assertEquals(1, v0.refusals());
    }

    @Test
    void aFailedFlushOnShutdownKeepsTheTalliesAndLetsTheShutdownGoOn() {
        Tallies repository = new Tallies();
        LegacyUsageRecorder recorder = new LegacyUsageRecorder(repository, Clock.systemUTC());
        recorder.record(V0, false);
        repository.down = true;

        new UsageFlush(recorder).onShutdown(new ShutdownEvent());

        assertEquals(1, recorder.pendingCount(), "put back, and reported in the log as lost");
        repository.down = false;
        new UsageFlush(recorder).onShutdown(new ShutdownEvent());
        assertEquals(1, repository.written.size());
    }
}
