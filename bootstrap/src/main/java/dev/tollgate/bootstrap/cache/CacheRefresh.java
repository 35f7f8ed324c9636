package dev.tollgate.bootstrap.cache;

import dev.tollgate.adapters.persistence.cache.RepositoryCaches;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Follows other replicas' changes to tenants, clients and keys: every {@code tollgate.cache.refresh-interval}
 * (default 1 s) one indexed single-row read, and the in-memory copies are dropped when the counter moved. That
 * interval bounds how long another replica's change (a disabled client, a rotated secret past its grace) may go
 * unseen here; this replica's own changes apply at once.
 */
@ApplicationScoped
public class CacheRefresh {

    private static final Logger LOG = Logger.getLogger(CacheRefresh.class);

    private final RepositoryCaches caches;
    private volatile boolean failing;

    public CacheRefresh(RepositoryCaches caches) {
        this.caches = caches;
    }

    @Scheduled(every = "${tollgate.cache.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        try {
            if (caches.refresh()) {
                LOG.debug("Tenants, clients or keys changed: in-memory copies dropped");
            }
            if (failing) {
                failing = false;
                LOG.info("Cache epoch readable again");
            }
        } catch (SQLException | RuntimeException e) {
            // the copies in memory keep serving: tokens of known clients are still issued while the database is away
            if (!failing) {
                failing = true;
                LOG.warnf("Cache epoch not readable (%s); keeping the in-memory copies until it is", e.getMessage());
            }
        }
    }
}
