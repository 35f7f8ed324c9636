package dev.tollgate.application.moltin;

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
        if (accessTokenLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("tollgate.moltin.access-token-lifetime must be at least one second");
        }
        if (customerTokenLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("tollgate.moltin.customer-token-lifetime must be at least one second");
        }
    }
}
