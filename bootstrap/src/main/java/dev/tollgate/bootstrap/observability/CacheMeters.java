package dev.tollgate.bootstrap.observability;

import dev.tollgate.adapters.persistence.abuse.InMemoryAbuseLedger;
import dev.tollgate.adapters.persistence.cache.RepositoryCaches;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes the in-memory state the token endpoint depends on: the statistics of the repository caches
 * ({@code cache_gets_total{cache, result="hit|miss"}}, {@code cache_size}, {@code cache_evictions_total}...; the hit
 * ratio is a PromQL division, docs/observability.md) and the number of counters the abuse ledger keeps
 * ({@code tollgate_abuse_ledger_entries}), both read only when scraped.
 */
@ApplicationScoped
public class CacheMeters {

    public static final String LEDGER_ENTRIES = "tollgate.abuse.ledger.entries";

    void bind(@Observes StartupEvent started, MeterRegistry registry, RepositoryCaches caches,
            InMemoryAbuseLedger ledger) {
        caches.whenCreated((name, cache) -> CaffeineCacheMetrics.monitor(registry, cache, name));
        Gauge.builder(LEDGER_ENTRIES, ledger, InMemoryAbuseLedger::size)
                .description("Abuse counters kept in memory (rate buckets, failure counts, locks), approximately")
                .strongReference(true)
                .register(registry);
    }
}
