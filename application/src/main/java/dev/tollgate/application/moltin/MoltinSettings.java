package dev.tollgate.application.moltin;

import dev.tollgate.domain.token.TokenLifetimes;
import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of the Moltin dialect's tokens (seed 004).
 *
 * @param accessTokenLifetime   client_credentials and implicit tokens of clients without their own TTL (one hour)
 * @param customerTokenLifetime customer tokens (one day)
 */
public record MoltinSettings(Duration accessTokenLifetime, Duration customerTokenLifetime) {

    public static final MoltinSettings DEFAULT = new MoltinSettings(Duration.ofHours(1), Duration.ofHours(24));

    public MoltinSettings {
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(customerTokenLifetime, "customerTokenLifetime");
        // a retired signing key is published only as long as the longest access token may live
        if (accessTokenLifetime.toSeconds() < 1 || accessTokenLifetime.compareTo(TokenLifetimes.MAX_ACCESS_TOKEN) > 0) {
            throw new IllegalArgumentException("tollgate.moltin.access-token-lifetime must be between 1 s and "
                    + TokenLifetimes.MAX_ACCESS_TOKEN);
        }
        if (customerTokenLifetime.toSeconds() < 1
                || customerTokenLifetime.compareTo(TokenLifetimes.MAX_ACCESS_TOKEN) > 0) {
            throw new IllegalArgumentException("tollgate.moltin.customer-token-lifetime must be between 1 s and "
                    + TokenLifetimes.MAX_ACCESS_TOKEN);
        }
    }
}
