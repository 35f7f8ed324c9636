package dev.tollgate.application.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client secret as stored: its digest and, during a rotation grace period, the instant after which it stops
 * working.
 *
 * @param sealed the secret itself encrypted with the master key ({@link dev.tollgate.application.port.SecretSealer}),
 *               kept only for clients allowed the JWT bearer grant, whose HS256 assertions need the secret itself
 */
public record StoredSecret(String digest, Instant createdAt, Optional<Instant> notAfter, Optional<String> sealed) {

    public StoredSecret {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sealed, "sealed");
    }

    /** A secret kept as a digest only. */
    public StoredSecret(String digest, Instant createdAt, Optional<Instant> notAfter) {
        this(digest, createdAt, notAfter, Optional.empty());
    }

    public boolean validAt(Instant now) {
        return notAfter.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "StoredSecret[createdAt=" + createdAt + ", notAfter=" + notAfter
                + (sealed.isPresent() ? ", sealed" : "") + "]";
    }
}
