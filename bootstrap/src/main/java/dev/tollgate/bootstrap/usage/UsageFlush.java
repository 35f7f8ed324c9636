package dev.tollgate.bootstrap.usage;

import dev.tollgate.application.deprecation.LegacyUsageRecorder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Writes the counted legacy calls every {@code tollgate.usage.flush-interval} and once more on a clean shutdown. */
@ApplicationScoped
public class UsageFlush {

    private static final Logger LOG = Logger.getLogger(UsageFlush.class);

    private final LegacyUsageRecorder recorder;

    public UsageFlush(LegacyUsageRecorder recorder) {
        this.recorder = recorder;
    }

    @Scheduled(every = "${tollgate.usage.flush-interval}", delayed = "${tollgate.usage.flush-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            // kept in memory and retried at the next tick
            LOG.warnf("Legacy usage not written yet (%d tallies pending): %s", recorder.pendingCount(), e.getMessage());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        try {
            int written = recorder.flush();
            LOG.debugf("Wrote %d legacy usage tallies on shutdown", written);
        } catch (RuntimeException e) {
            LOG.errorf("Legacy usage lost on shutdown (%d tallies): %s", recorder.pendingCount(), e.getMessage());
        }
    }
}
