package dev.tollgate.domain.token;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the tokens of a tenant or client live. A zero refresh lifetime means refresh tokens that live until they
 * are revoked (rotation and reuse detection still apply).
 */
public record TokenLifetimes(Duration accessToken, Duration refreshToken) {

    public static final Duration MIN_ACCESS_TOKEN = Duration.ofSeconds(60);
    public static final Duration MAX_ACCESS_TOKEN = Duration.ofSeconds(86_400);

    public TokenLifetimes {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (accessToken.compareTo(MIN_ACCESS_TOKEN) < 0 || accessToken.compareTo(MAX_ACCESS_TOKEN) > 0) {
            throw new IllegalArgumentException("access token lifetime must be between 60 and 86400 seconds");
        }
        if (refreshToken.isNegative()) {
            throw new IllegalArgumentException("refresh token lifetime must not be negative");
        }
    }

    public static TokenLifetimes ofSeconds(long accessSeconds, long refreshSeconds) {
        return new TokenLifetimes(Duration.ofSeconds(accessSeconds), Duration.ofSeconds(refreshSeconds));
    }
}
