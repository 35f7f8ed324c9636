package dev.tollgate.adapters.persistence.abuse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.application.abuse.AbuseLimits;
import dev.tollgate.application.port.AbuseLedger;
import dev.tollgate.domain.abuse.FailureLimit;
import dev.tollgate.domain.abuse.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The abuse counters of this replica, in memory: bounded in size (an attacker inventing logins or addresses evicts
 * rarely used counters, never grows the heap), each dropped once unchanged for longer than any lock and reset window
 * of the limits (the counters also forget stale failures themselves). Limits therefore hold per replica:
 * N replicas allow up to N times the attempts; docs/reliability.md explains how to share them.
 */
@ApplicationScoped
public class InMemoryAbuseLedger implements AbuseLedger {

    private final Cache<String, Object> entries;

    public InMemoryAbuseLedger(AbuseLimits limits,
            @ConfigProperty(name = "tollgate.abuse.ledger-size", defaultValue = "100000") long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(retention(limits)).build();
    }

    /** Long enough for the longest lock plus its reset window, and for an emptied bucket to fill up again. */
    static Duration retention(AbuseLimits limits) {
        Duration longest = Duration.ofMinutes(1);
        for (FailureLimit limit : Stream.of(limits.failedLogins(), limits.failedClientAuths(),
                limits.failuresPerSource()).flatMap(Optional::stream).toList()) {
            longest = max(longest, limit.maxLockout().plus(limit.resetAfter()));
        }
        for (RateLimit limit : Stream.of(limits.requestsPerClient(), limits.requestsPerSource())
                .flatMap(Optional::stream).toList()) {
            longest = max(longest, Duration.ofMillis((long) Math.ceil(limit.burst() / limit.perSecond() * 1000)));
        }
        return longest;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public <S> S update(String key, Class<S> type, UnaryOperator<S> change) {
        Object result = entries.asMap().compute(key, (k, current) -> change.apply(type.isInstance(current)
                ? type.cast(current)
                : null));
        return type.cast(result);
    }

    @Override
    public <S> Optional<S> read(String key, Class<S> type) {
        return Optional.ofNullable(entries.getIfPresent(key)).filter(type::isInstance).map(type::cast);
    }

    /** How many counters are kept (for tests and metrics). */
    public long size() {
        return entries.estimatedSize();
    }
}
