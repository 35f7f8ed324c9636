package dev.tollgate.adapters.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.port.AuditLog;
import dev.tollgate.domain.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Appends audit entries in the caller's transaction, so a change and its record commit or roll back together. */
@ApplicationScoped
@DatabaseCall
public class JdbcAuditLog implements AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;

    public JdbcAuditLog(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void append(AuditEntry entry) {
        String details;
        try {
            details = JSON.writeValueAsString(entry.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain JSON values", e);
        }
        em.createNativeQuery("""
                insert into audit_log (id, at, tenant_id, actor, action, resource, details)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))
                """)
                .setParameter(1, entry.id())
                .setParameter(2, entry.at())
                .setParameter(3, entry.tenantId())
                .setParameter(4, entry.actor())
                .setParameter(5, entry.action())
                .setParameter(6, entry.resource())
                .setParameter(7, details)
                .executeUpdate();
    }
}
