package dev.tollgate.domain.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The failed attempts of one subject: how many since the last lock, how many locks so far (each next one is longer),
 * when the last failure was and until when the subject is locked. Immutable; every change returns a new record.
 */
public record FailureRecord(int failures, int locks, Instant lastFailure, Optional<Instant> lockedUntil) {

    public FailureRecord {
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
    }

    /** The record after a first failure at {@code now}, for a subject with no record. */
    public static FailureRecord first(Instant now, FailureLimit limit) {
        return new FailureRecord(0, 0, now, Optional.empty()).afterFailure(now, limit);
    }

    /** How long the subject is still locked at {@code now}, if it is. */
    public Optional<Duration> lockedFor(Instant now) {
        return lockedUntil.filter(now::isBefore).map(until -> Duration.between(now, until));
    }

    /**
     * One more failure at {@code now}. Failures after a quiet {@code resetAfter} start from zero again (locks too);
     * the {@code maxFailures}-th failure locks the subject.
     */
    public FailureRecord afterFailure(Instant now, FailureLimit limit) {
        if (isForgottenAt(now, limit)) {
            return first(now, limit);
        }
        int count = failures + 1;
        if (count < limit.maxFailures()) {
            return new FailureRecord(count, locks, now, lockedUntil);
        }
        Instant until = now.plus(limit.lockoutAfter(locks));
        return new FailureRecord(0, locks + 1, now, Optional.of(until));
    }

    /** Whether nothing is left to remember at {@code now}: no lock running and the last failure long enough ago. */
    public boolean isForgottenAt(Instant now, FailureLimit limit) {
        return lockedFor(now).isEmpty() && !now.isBefore(lastFailure.plus(limit.resetAfter()))
                && !now.isBefore(lockedUntil.orElse(lastFailure).plus(limit.resetAfter()));
    }
}
