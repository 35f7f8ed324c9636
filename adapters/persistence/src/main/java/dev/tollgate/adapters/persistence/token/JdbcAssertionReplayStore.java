package dev.tollgate.adapters.persistence.token;

import dev.tollgate.adapters.persistence.SqlValues;
import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.port.AssertionReplayStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids of accepted JWT bearer assertions. The primary key decides races: of two replicas inserting the same id, one
 * inserts a row and the other inserts nothing, with no exception to spoil the transaction. A row that is kept no
 * longer is taken over by the new use (the conflicting row is locked, so that too is decided once).
 */
@ApplicationScoped
@DatabaseCall
public class JdbcAssertionReplayStore implements AssertionReplayStore {

    private final EntityManager em;

    public JdbcAssertionReplayStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public boolean firstUse(UUID tenantId, String clientId, String jti, Instant keepUntil, Instant now) {
        // expired ids go first, a bounded batch per call so no request pays for a backlog; rows another replica is
        // deleting are skipped rather than waited for. An id whose assertion can no longer be accepted may be used
        // again without harm.
        SqlValues.nativeQuery(em, """
                delete from jwt_assertion_jti where ctid = any(array(
                    select ctid from jwt_assertion_jti where keep_until <= ?1 limit 100 for update skip locked))
                """)
                .setParameter(1, now)
                .executeUpdate();
        return SqlValues.nativeQuery(em, """
                insert into jwt_assertion_jti (tenant_id, client_id, jti, keep_until) values (?1, ?2, ?3, ?4)
                on conflict (tenant_id, client_id, jti) do update set keep_until = excluded.keep_until
                    where jwt_assertion_jti.keep_until <= ?5
                """)
                .setParameter(1, tenantId)
                .setParameter(2, clientId)
                .setParameter(3, jti)
                .setParameter(4, keepUntil)
                .setParameter(5, now)
                .executeUpdate() == 1;
    }
}
