package dev.tollgate.application.port;

import dev.tollgate.application.key.StoredSigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: tenants' signing keys, private halves encrypted. */
public interface SigningKeyRepository {

    Optional<StoredSigningKey> findActive(UUID tenantId);

    /** Keys still in the JWKS at {@code now} (active, and retiring ones before their end), newest first. */
    List<StoredSigningKey> findPublished(UUID tenantId, Instant now);

    /**
     * Makes {@code next} the tenant's active key; the previous active key keeps verifying (stays published) until
     * {@code retireAfter}. One transaction: there is never a moment without an active key.
     */
    void rotate(UUID tenantId, StoredSigningKey next, Instant retireAfter);

    /**
     * Stores {@code key} as the tenant's active key unless another one became active first (e.g. on another
     * replica); returns the key that is active afterwards.
     */
    StoredSigningKey saveActiveIfAbsent(StoredSigningKey key);
}
