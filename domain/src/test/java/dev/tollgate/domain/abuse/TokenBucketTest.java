package dev.tollgate.domain.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final RateLimit TWO_PER_SECOND_BURST_4 = new RateLimit(2, 4);

    @Test
    void admitsTheBurstThenTellsHowLongToWait() {
        TokenBucket bucket = TokenBucket.full(TWO_PER_SECOND_BURST_4, T0);
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), bucket.waitAt(TWO_PER_SECOND_BURST_4, T0));
            bucket = bucket.take(TWO_PER_SECOND_BURST_4, T0);
        }
        assertEquals(Optional.of(Duration.ofMillis(500)), bucket.waitAt(TWO_PER_SECOND_BURST_4, T0));
        assertEquals(Optional.of(Duration.ofMillis(250)), bucket.waitAt(TWO_PER_SECOND_BURST_4, T0.plusMillis(250)));
        assertEquals(Optional.empty(), bucket.waitAt(TWO_PER_SECOND_BURST_4, T0.plusMillis(500)));
    }

    @Test
    void anEmptyBucketStaysEmptyWhenTaken() {
        TokenBucket empty = new TokenBucket(0.5, T0);
        assertEquals(empty.tokens(), empty.take(TWO_PER_SECOND_BURST_4, T0).tokens());
    }

    @Test
    void refillsAtTheRateUpToTheBurst() {
        TokenBucket empty = new TokenBucket(0, T0);
        assertEquals(1.0, empty.refilled(TWO_PER_SECOND_BURST_4, T0.plusMillis(500)).tokens(), 1e-9);
        assertEquals(4.0, empty.refilled(TWO_PER_SECOND_BURST_4, T0.plusSeconds(60)).tokens(), 1e-9);
        assertTrue(empty.isFullAt(TWO_PER_SECOND_BURST_4, T0.plusSeconds(2)));
        assertFalse(empty.isFullAt(TWO_PER_SECOND_BURST_4, T0.plusSeconds(1)));
    }

    @Test
    void aClockGoingBackRefillsNothing() {
        TokenBucket bucket = new TokenBucket(1, T0);
        assertEquals(bucket, bucket.refilled(TWO_PER_SECOND_BURST_4, T0.minusSeconds(5)));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 0));
    }
}
