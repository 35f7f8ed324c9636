package dev.tollgate.application.abuse;

import dev.tollgate.application.port.AbuseLedger;
import dev.tollgate.domain.abuse.RateLimit;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.abuse.TokenBucket;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Request rate limits of the token endpoints: per source address, and per registered client (made-up client_ids only
 * meet the source limit, so the counters grow with the tenant's clients, not with what callers invent).
 */
@Singleton
public class RequestRates {

    private final AbuseLedger ledger;
    private final AbuseLimits limits;
    private final Clock clock;

    @Inject
    public RequestRates(AbuseLedger ledger, AbuseLimits limits, Clock clock) {
        this.ledger = ledger;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Admits one request from {@code source} for the registered client {@code clientId} (empty when none or not
     * registered), or says how long to wait.
     */
    public Optional<Duration> admit(Tenant tenant, SourceAddress source, Optional<String> clientId) {
        Optional<Duration> wait = admitSource(source);
        return wait.isPresent() ? wait : clientId.flatMap(id -> admitClient(tenant, id));
    }

    /** Admits one request from {@code source}, or says how long to wait. */
    public Optional<Duration> admitSource(SourceAddress source) {
        if (source.equals(SourceAddress.UNKNOWN) || limits.requestsPerSource().isEmpty()) {
            return Optional.empty();
        }
        return take(LedgerKeys.of("rate-source", "", source.value()), limits.requestsPerSource().get(),
                clock.instant());
    }

    /** Admits one request for the registered client {@code clientId}, or says how long to wait. */
    public Optional<Duration> admitClient(Tenant tenant, String clientId) {
        return limits.requestsPerClient().flatMap(limit -> take(
                LedgerKeys.of("rate-client", tenant.id().toString(), clientId), limit, clock.instant()));
    }

    /** Whether the per-client limit is on: callers skip finding out whether a client_id is registered otherwise. */
    public boolean limitsClients() {
        return limits.requestsPerClient().isPresent();
    }

    private Optional<Duration> take(String key, RateLimit limit, Instant now) {
        AtomicReference<Optional<Duration>> wait = new AtomicReference<>(Optional.empty());
        ledger.update(key, TokenBucket.class, current -> {
            TokenBucket bucket = current == null ? TokenBucket.full(limit, now) : current;
            wait.set(bucket.waitAt(limit, now));
            return wait.get().isPresent() ? bucket.refilled(limit, now) : bucket.take(limit, now);
        });
        return wait.get();
    }
}
