package dev.tollgate.domain.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final FailureLimit LIMIT = new FailureLimit(3, Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(15));

    @Test
    void locksAtTheMaxFailuresAndNotBefore() {
        FailureRecord record = FailureRecord.first(T0, LIMIT);
        record = record.afterFailure(T0.plusSeconds(1), LIMIT);
        assertEquals(Optional.empty(), record.lockedFor(T0.plusSeconds(1)));
        record = record.afterFailure(T0.plusSeconds(2), LIMIT);
        assertEquals(Optional.of(Duration.ofSeconds(30)), record.lockedFor(T0.plusSeconds(2)));
        assertEquals(Optional.of(Duration.ofSeconds(10)), record.lockedFor(T0.plusSeconds(22)));
        assertEquals(Optional.empty(), record.lockedFor(T0.plusSeconds(32)));
    }

    @Test
    void eachLockIsTwiceAsLongUpToTheMaximum() {
        FailureRecord record = null;
        Instant now = T0;
        Duration[] expected = {Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ofSeconds(120)};
        for (Duration lock : expected) {
            for (int i = 0; i < LIMIT.maxFailures(); i++) {
                record = record == null ? FailureRecord.first(now, LIMIT) : record.afterFailure(now, LIMIT);
            }
            assertEquals(Optional.of(lock), record.lockedFor(now));
            now = now.plus(lock);
        }
    }

    @Test
    void aFixedLockWhenTheMaximumIsTheLockout() {
        FailureLimit fixed = new FailureLimit(1, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofHours(1));
        FailureRecord record = FailureRecord.first(T0, fixed);
        record = record.afterFailure(T0.plusSeconds(30), fixed);
        assertEquals(Optional.of(Duration.ofSeconds(30)), record.lockedFor(T0.plusSeconds(30)));
    }

    @Test
    void quietFailuresAreForgotten() {
        FailureRecord record = FailureRecord.first(T0, LIMIT).afterFailure(T0, LIMIT);
        assertFalse(record.isForgottenAt(T0.plus(Duration.ofMinutes(14)), LIMIT));
        assertTrue(record.isForgottenAt(T0.plus(Duration.ofMinutes(15)), LIMIT));
        // two old failures and one new one: no lock
        FailureRecord later = record.afterFailure(T0.plus(Duration.ofMinutes(16)), LIMIT);
        assertEquals(1, later.failures());
        assertEquals(Optional.empty(), later.lockedFor(T0.plus(Duration.ofMinutes(16))));
    }

    @Test
    void aLockIsRememberedUntilResetAfterItEnds() {
        FailureRecord record = FailureRecord.first(T0, LIMIT).afterFailure(T0, LIMIT).afterFailure(T0, LIMIT);
        Instant lockEnd = T0.plusSeconds(30);
        assertFalse(record.isForgottenAt(lockEnd.plus(Duration.ofMinutes(14)), LIMIT));
        assertTrue(record.isForgottenAt(lockEnd.plus(Duration.ofMinutes(15)), LIMIT));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new FailureLimit(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new FailureLimit(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new FailureLimit(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
