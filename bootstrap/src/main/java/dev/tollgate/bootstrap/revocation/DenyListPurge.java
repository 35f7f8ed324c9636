package dev.tollgate.bootstrap.revocation;

import dev.tollgate.application.token.AccessTokenDenyList;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Drops revoked access tokens past their expiry from the deny list every {@code tollgate.revocation.purge-interval}
 * (default 1h). One indexed delete; every replica may run it, a second run finds nothing. Rows left behind cost only
 * space: a token past its expiry is refused before the deny list is asked.
 */
@ApplicationScoped
public class DenyListPurge {

    private static final Logger LOG = Logger.getLogger(DenyListPurge.class);

    private final AccessTokenDenyList denyList;

    public DenyListPurge(AccessTokenDenyList denyList) {
        this.denyList = denyList;
    }

    @Scheduled(every = "${tollgate.revocation.purge-interval}", delayed = "${tollgate.revocation.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        try {
            int purged = denyList.purgeExpired();
            LOG.debugf("Purged %d expired entries from the access token deny list", purged);
        } catch (RuntimeException e) {
            // retried at the next tick; nothing is refused or accepted wrongly meanwhile
            LOG.warnf("Access token deny list not purged: %s", e.getMessage());
        }
    }
}
