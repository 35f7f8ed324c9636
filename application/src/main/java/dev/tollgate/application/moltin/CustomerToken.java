package dev.tollgate.application.moltin;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer token as seed 004's customer authentication returns it.
 *
 * @param id         the token's identifier (its {@code jti})
 * @param customerId the customer: a user of the tenant, the token's {@code sub}
 * @param token      the signed JWT
 * @param expiresAt  when it stops being valid
 */
public record CustomerToken(String id, UUID customerId, String token, Instant expiresAt) {

    public CustomerToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
