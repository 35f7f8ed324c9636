package dev.tollgate.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenLifetimesTest {

    @Test
    void accessTokenLifetimeBelowOneMinuteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenLifetimes.ofSeconds(59, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenLifetimes(Duration.ofMillis(59_999), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> TokenLifetimes.ofSeconds(0, 0));
        assertThrows(IllegalArgumentException.class, () -> TokenLifetimes.ofSeconds(-60, 0));
    }

    @Test
    void oneMinuteIsTheShortestAccessTokenLifetime() {
        assertEquals(Duration.ofSeconds(60), TokenLifetimes.ofSeconds(60, 0).accessToken());
        assertEquals(TokenLifetimes.MIN_ACCESS_TOKEN, TokenLifetimes.ofSeconds(60, 0).accessToken());
    }

    @Test
    void oneDayIsTheLongestAccessTokenLifetime() {
        assertEquals(Duration.ofDays(1), TokenLifetimes.ofSeconds(86_400, 0).accessToken());
        assertEquals(TokenLifetimes.MAX_ACCESS_TOKEN, TokenLifetimes.ofSeconds(86_400, 0).accessToken());
    }

    @Test
    void accessTokenLifetimeAboveOneDayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenLifetimes.ofSeconds(86_401, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenLifetimes(Duration.ofSeconds(86_400).plusNanos(1), Duration.ZERO));
    }

    @Test
    void negativeRefreshLifetimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenLifetimes.ofSeconds(3600, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenLifetimes(Duration.ofHours(1), Duration.ofNanos(-1)));
    }

    @Test
    void zeroRefreshLifetimeMeansNoRefreshTokensAndIsAllowed() {
        assertEquals(Duration.ZERO, TokenLifetimes.ofSeconds(3600, 0).refreshToken());
    }

    @Test
    void refreshLifetimeHasNoUpperBound() {
        assertEquals(Duration.ofDays(90), TokenLifetimes.ofSeconds(3600, 90L * 86_400).refreshToken());
    }

    @Test
    void ofSecondsIsTheSameAsDurations() {
        assertEquals(new TokenLifetimes(Duration.ofMinutes(5), Duration.ofHours(8)),
                TokenLifetimes.ofSeconds(300, 28_800));
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> new TokenLifetimes(null, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> new TokenLifetimes(Duration.ofHours(1), null));
    }
}
