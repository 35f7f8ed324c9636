package dev.tollgate.adapters.persistence.key;

import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.SigningKeyRepository;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The database behind {@code CachedSigningKeyRepository}, which is the port's bean. */
@ApplicationScoped
@DatabaseCall
@Typed(PanacheSigningKeyRepository.class)
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
    public List<StoredSigningKey> findPublished(UUID tenantId, Instant now) {
        return SigningKeyEntity.<SigningKeyEntity>list(
                        "tenantId = ?1 and (status = 'ACTIVE' or (status = 'RETIRING' and retireAfter > ?2))",
                        Sort.descending("createdAt"), tenantId, now)
                .stream()
                .map(PanacheSigningKeyRepository::toStored)
                .toList();
    }

    /** A key that is active or retiring, with the end of its retirement (none while active). */
    record Publishable(StoredSigningKey key, Optional<Instant> retireAfter) {

        boolean publishedAt(Instant now) {
            return retireAfter.map(end -> end.isAfter(now)).orElse(true);
        }
    }

    /** Every key that is or may still be published, newest first: what {@link #findPublished} filters by time. */
    @Transactional
    List<Publishable> findPublishable(UUID tenantId) {
        return SigningKeyEntity.<SigningKeyEntity>list("tenantId = ?1 and status in ('ACTIVE', 'RETIRING')",
                        Sort.descending("createdAt"), tenantId)
                .stream()
                .map(e -> new Publishable(toStored(e),
                        "RETIRING".equals(e.status) ? Optional.ofNullable(e.retireAfter) : Optional.empty()))
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

    @Override
    @Transactional
    public void rotate(UUID tenantId, StoredSigningKey next, Instant retireAfter) {
        // keys whose last tokens have expired leave the JWKS for good
        em.createNativeQuery("update signing_key set status = 'RETIRED', retired_at = retire_after"
                        + " where tenant_id = ?1 and status = 'RETIRING' and retire_after <= ?2")
                .setParameter(1, tenantId)
                .setParameter(2, next.createdAt())
                .executeUpdate();
        em.createNativeQuery("update signing_key set status = 'RETIRING', retire_after = ?2"
                        + " where tenant_id = ?1 and status = 'ACTIVE'")
                .setParameter(1, tenantId)
                .setParameter(2, retireAfter)
                .executeUpdate();
        em.createNativeQuery("insert into signing_key (kid, tenant_id, algorithm, public_key, sealed_private_key,"
                        + " status, created_at) values (?1, ?2, ?3, ?4, ?5, 'ACTIVE', ?6)")
                .setParameter(1, next.keyId())
                .setParameter(2, next.tenantId())
                .setParameter(3, next.algorithm().name())
                .setParameter(4, next.publicKey())
                .setParameter(5, next.sealedPrivateKey())
                .setParameter(6, next.createdAt())
                .executeUpdate();
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
