package dev.tollgate.application.deprecation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.application.fake.FakeLegacyUsageRepository;
import dev.tollgate.application.fake.MutableClock;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.deprecation.LegacyUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LegacyUsageRecorderTest {

    private final FakeLegacyUsageRepository store = new FakeLegacyUsageRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final LegacyUsageRecorder recorder = new LegacyUsageRecorder(store, clock);
    private final LegacyUsage.Caller caller =
            new LegacyUsage.Caller(UUID.randomUUID(), LegacySurface.V0_TOKEN, "legacy-v0", Optional.empty());

    @Test
    void aFailedFlushLosesNothing() {
        recorder.record(caller, false);
        store.down = true;
        assertThrows(IllegalStateException.class, recorder::flush);
        clock.advance(Duration.ofMinutes(1));
        recorder.record(caller, true);
        store.down = false;
        assertEquals(1, recorder.flush());
        LegacyUsage stored = store.stored.get(caller);
        assertEquals(2, stored.calls());
        assertEquals(1, stored.refusals());
        assertEquals(clock.instant().minus(Duration.ofMinutes(1)), stored.firstSeen());
        assertEquals(clock.instant(), stored.lastSeen());
        assertEquals(0, recorder.flush());
    }

    @Test
    void concurrentCallsAndFlushesCountEveryCallOnce() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            pool.submit(() -> {
                for (int j = 0; j < 10_000; j++) {
                    recorder.record(caller, j % 10 == 0);
                    if (j % 1000 == 0) {
                        recorder.flush();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        recorder.flush();
        assertEquals(40_000, store.stored.get(caller).calls());
        assertEquals(4_000, store.stored.get(caller).refusals());
    }
}
