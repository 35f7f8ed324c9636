package dev.tollgate.adapters.persistence.token;

import dev.tollgate.adapters.persistence.SqlValues;
import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.port.RefreshTokenRepository;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens in plain SQL: each state change is one conditional UPDATE, so two replicas racing to rotate the
 * same token cannot both win.
 */
@ApplicationScoped
@DatabaseCall
public class JdbcRefreshTokenRepository implements RefreshTokenRepository {

    private final EntityManager em;

    public JdbcRefreshTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void save(RefreshToken token, String digest) {
        SqlValues.nativeQuery(em, """
                insert into refresh_token (id, tenant_id, family_id, client_id, user_id, digest, scope, issued_at,
                                           expires_at, state)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """)
                .setParameter(1, token.id())
                .setParameter(2, token.tenantId())
                .setParameter(3, token.familyId())
                .setParameter(4, token.clientId())
                .setParameter(5, token.userId())
                .setParameter(6, digest)
                .setParameter(7, token.scope().value())
                .setParameter(8, token.issuedAt())
                .setParameter(9, token.expiresAt().orElse(null), Instant.class)
                .setParameter(10, token.state().name().toLowerCase(Locale.ROOT))
                .executeUpdate();
    }

    @Override
    @Transactional
    public Optional<RefreshToken> findByDigest(String digest) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, tenant_id, family_id, client_id, user_id, scope, issued_at, expires_at, state
                from refresh_token where digest = ?1
                """)
                .setParameter(1, digest)
                .getResultList();
        return rows.stream().findFirst().map(JdbcRefreshTokenRepository::toDomain);
    }

    @Override
    @Transactional
    public boolean markRotated(UUID tokenId, Instant at) {
        return em.createNativeQuery(
                        "update refresh_token set state = 'rotated', changed_at = ?2 where id = ?1 and state = 'active'")
                .setParameter(1, tokenId)
                .setParameter(2, at)
                .executeUpdate() == 1;
    }

    /**
     * One UPDATE sees the family as of its start: if it waits for a token that a parallel refresh is rotating, the
     * successor that refresh commits is not among its rows and would stay active. So it runs again until a pass finds
     * nothing left; this ends, since a revoked token can no longer be rotated (the tokens revoked so far stay locked
     * until the commit, and a refresh that locked one first has committed its successor before the next pass).
     */
    @Override
    @Transactional
    public int revokeFamily(UUID familyId, Instant at) {
        int total = 0;
        for (int revoked = revokeVisible(familyId, at); revoked > 0; revoked = revokeVisible(familyId, at)) {
            total += revoked;
        }
        return total;
    }

    private int revokeVisible(UUID familyId, Instant at) {
        return em.createNativeQuery(
                        "update refresh_token set state = 'revoked', changed_at = ?2 where family_id = ?1 and state <> 'revoked'")
                .setParameter(1, familyId)
                .setParameter(2, at)
                .executeUpdate();
    }

    private static RefreshToken toDomain(Object[] row) {
        return new RefreshToken(
                (UUID) row[0], (UUID) row[1], (UUID) row[2], (String) row[3], (UUID) row[4],
                Scope.parse((String) row[5]).orElse(Scope.EMPTY),
                SqlValues.instant(row[6]),
                Optional.ofNullable(row[7]).map(SqlValues::instant),
                RefreshToken.State.valueOf(((String) row[8]).toUpperCase(Locale.ROOT)));
    }
}
