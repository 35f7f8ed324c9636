package dev.tollgate.domain.abuse;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed attempts a subject (a login, a client_id, a source address) may make before it is locked, and for
 * how long. Each lock lasts twice as long as the one before, up to {@code maxLockout}: a fixed lock when both are
 * equal, a progressive one otherwise. Failures older than {@code resetAfter} are forgotten.
 */
public record FailureLimit(int maxFailures, Duration lockout, Duration maxLockout, Duration resetAfter) {

    public FailureLimit {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(maxLockout, "maxLockout");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive");
        }
        if (maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("maxLockout must not be shorter than lockout");
        }
        if (resetAfter.isNegative() || resetAfter.isZero()) {
            throw new IllegalArgumentException("resetAfter must be positive");
        }
    }

    /** The length of the lock that follows {@code earlierLocks} locks: lockout × 2^earlierLocks, capped. */
    Duration lockoutAfter(int earlierLocks) {
        Duration length = lockout;
        for (int i = 0; i < earlierLocks && length.compareTo(maxLockout) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(maxLockout) > 0 ? maxLockout : length;
    }
}
