package dev.tollgate.application.port;

import dev.tollgate.domain.audit.AuditEntry;

/** Outbound port: the append-only record of administrative changes. */
public interface AuditLog {

    void append(AuditEntry entry);
}
