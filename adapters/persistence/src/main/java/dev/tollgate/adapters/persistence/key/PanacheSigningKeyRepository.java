package dev.tollgate.adapters.persistence.key;

import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.SigningKeyRepository;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PanacheSigningKeyRepository implements SigningKeyRepository {

    private final EntityManager em;

    public PanacheSigningKeyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Optional<StoredSigningKey> findActive(UUID tenantId) {
        return SigningKeyEntity.<SigningKeyEntity>find("tenantId = ?1 and status = 'ACTIVE'", tenantId)
                .firstResultOptional()
                .map(PanacheSigningKeyRepository::toStored);
    }

    @Override
    @Transactional
    public List<StoredSigningKey> findPublished(UUID tenantId) {
        return SigningKeyEntity.<SigningKeyEntity>list(
                        "tenantId = ?1 and status in ('ACTIVE', 'RETIRING')", Sort.descending("createdAt"), tenantId)
                .stream()
                .map(PanacheSigningKeyRepository::toStored)
                .toList();
    }

    @Override
    @Transactional
    public StoredSigningKey saveActiveIfAbsent(StoredSigningKey key) {
        // the partial unique index on (tenant_id) where status = 'ACTIVE' decides the race between replicas
        em.createNativeQuery("""
                insert into signing_key (kid, tenant_id, algorithm, public_key, sealed_private_key, status, created_at)
                values (?1, ?2, ?3, ?4, ?5, 'ACTIVE', ?6)
                on conflict do nothing
                """)
                .setParameter(1, key.keyId())
                .setParameter(2, key.tenantId())
                .setParameter(3, key.algorithm().name())
                .setParameter(4, key.publicKey())
                .setParameter(5, key.sealedPrivateKey())
                .setParameter(6, key.createdAt())
                .executeUpdate();
        return findActive(key.tenantId()).orElseThrow();
    }

    private static StoredSigningKey toStored(SigningKeyEntity e) {
        return new StoredSigningKey(
                e.kid,
                e.tenantId,
                SigningAlgorithm.valueOf(e.algorithm),
                e.publicKey,
                e.sealedPrivateKey,
                SigningKeyStatus.valueOf(e.status),
                e.createdAt);
    }
}
