package dev.tollgate.domain.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The allowance of one caller under a {@link RateLimit}: {@code tokens} left at {@code updatedAt}; it refills at the
 * limit's rate up to its burst, and each request takes one token.
 */
public record TokenBucket(double tokens, Instant updatedAt) {

    public TokenBucket {
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A caller seen for the first time: a full bucket. */
    public static TokenBucket full(RateLimit limit, Instant now) {
        return new TokenBucket(limit.burst(), now);
    }

    /** The bucket at {@code now}, refilled for the time since it was last updated (a clock going back refills nothing). */
    public TokenBucket refilled(RateLimit limit, Instant now) {
        if (!now.isAfter(updatedAt)) {
            return this;
        }
        double elapsed = Duration.between(updatedAt, now).toNanos() / 1e9;
        return new TokenBucket(Math.min(limit.burst(), tokens + elapsed * limit.perSecond()), now);
    }

    /** The bucket after one request at {@code now} is admitted, or the same bucket if it had no token left. */
    public TokenBucket take(RateLimit limit, Instant now) {
        TokenBucket current = refilled(limit, now);
        return current.tokens >= 1 ? new TokenBucket(current.tokens - 1, now) : current;
    }

    /** How long until the next request would be admitted, when none would be at {@code now}. */
    public Optional<Duration> waitAt(RateLimit limit, Instant now) {
        TokenBucket current = refilled(limit, now);
        if (current.tokens >= 1) {
            return Optional.empty();
        }
        long nanos = (long) Math.ceil((1 - current.tokens) / limit.perSecond() * 1e9);
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
    }

    /** Whether the bucket is full again at {@code now}, i.e. the same as having no record at all. */
    public boolean isFullAt(RateLimit limit, Instant now) {
        return refilled(limit, now).tokens >= limit.burst();
    }
}
