package dev.tollgate.adapters.persistence.token;

import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.port.RevokedAccessTokenRepository;
import dev.tollgate.domain.token.RevokedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** The access token deny list in plain SQL: one row per revoked jti, found by its primary key. */
@ApplicationScoped
@DatabaseCall
public class JdbcRevokedAccessTokenRepository implements RevokedAccessTokenRepository {

    private final EntityManager em;

    public JdbcRevokedAccessTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void add(RevokedAccessToken token) {
        // revoking twice, or on two replicas at once, is one revocation
        em.createNativeQuery("""
                insert into revoked_access_token (tenant_id, jti, client_id, expires_at, revoked_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (tenant_id, jti) do nothing
                """)
                .setParameter(1, token.tenantId())
                .setParameter(2, token.tokenId())
                .setParameter(3, token.clientId())
                .setParameter(4, token.expiresAt())
                .setParameter(5, token.revokedAt())
                .executeUpdate();
    }

    @Override
    @Transactional
    public boolean contains(UUID tenantId, String tokenId) {
        return !em.createNativeQuery("select 1 from revoked_access_token where tenant_id = ?1 and jti = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, tokenId)
                .getResultList()
                .isEmpty();
    }

    @Override
    @Transactional
    public int purgeExpired(Instant now) {
        return em.createNativeQuery("delete from revoked_access_token where expires_at < ?1")
                .setParameter(1, now)
                .executeUpdate();
    }
}
