package dev.tollgate.application.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client secret as stored: its digest and, during a rotation grace period, the instant after which it stops
 * working.
 */
public record StoredSecret(String digest, Instant createdAt, Optional<Instant> notAfter) {

    public StoredSecret {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    public boolean validAt(Instant now) {
        return notAfter.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "StoredSecret[createdAt=" + createdAt + ", notAfter=" + notAfter + "]";
    }
}
