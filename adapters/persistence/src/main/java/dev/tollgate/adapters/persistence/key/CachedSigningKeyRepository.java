package dev.tollgate.adapters.persistence.key;

import com.github.benmanes.caffeine.cache.Cache;
import dev.tollgate.adapters.persistence.cache.RepositoryCaches;
import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenants' signing keys from memory when they were read before (see {@link RepositoryCaches}). The published set
 * also changes with time, as retiring keys reach their end: the cache holds each key with that end and the set is
 * filtered at every read, so a key leaves the JWKS on time.
 */
@ApplicationScoped
public class CachedSigningKeyRepository implements SigningKeyRepository {

    private final PanacheSigningKeyRepository database;
    private final RepositoryCaches caches;
    private final Cache<UUID, Optional<StoredSigningKey>> active;
    private final Cache<UUID, List<PanacheSigningKeyRepository.Publishable>> publishable;

    public CachedSigningKeyRepository(PanacheSigningKeyRepository database, RepositoryCaches caches) {
        this.database = database;
        this.caches = caches;
        this.active = caches.create("signing_keys_active");
        this.publishable = caches.create("signing_keys_published");
    }

    @Override
    public Optional<StoredSigningKey> findActive(UUID tenantId) {
        return caches.read(active, tenantId, database::findActive);
    }

    @Override
    public List<StoredSigningKey> findPublished(UUID tenantId, Instant now) {
        return caches.read(publishable, tenantId, database::findPublishable).stream()
                .filter(key -> key.publishedAt(now))
                .map(PanacheSigningKeyRepository.Publishable::key)
                .toList();
    }

    @Override
    public void rotate(UUID tenantId, StoredSigningKey next, Instant retireAfter) {
        caches.write(() -> {
            database.rotate(tenantId, next, retireAfter);
            return null;
        });
    }

    @Override
    public StoredSigningKey saveActiveIfAbsent(StoredSigningKey key) {
        return caches.write(() -> database.saveActiveIfAbsent(key));
    }
}
