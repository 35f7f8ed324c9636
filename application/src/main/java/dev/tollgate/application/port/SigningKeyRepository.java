package dev.tollgate.application.port;

import dev.tollgate.application.key.StoredSigningKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: tenants' signing keys, private halves encrypted. */
public interface SigningKeyRepository {

    Optional<StoredSigningKey> findActive(UUID tenantId);

    /** Keys still in the JWKS (active and retiring), newest first. */
    List<StoredSigningKey> findPublished(UUID tenantId);

    /**
     * Stores {@code key} as the tenant's active key unless another one became active first (e.g. on another
     * replica); returns the key that is active afterwards.
     */
    StoredSigningKey saveActiveIfAbsent(StoredSigningKey key);
}
