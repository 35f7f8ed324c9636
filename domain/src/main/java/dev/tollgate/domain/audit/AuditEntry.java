package dev.tollgate.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One administrative change: who did what to which resource of which tenant, and when. Never carries a secret.
 *
 * @param actor   the subject of the caller's token ({@code tenant/sub})
 * @param action  e.g. {@code client.create}, {@code client.secret.rotate}
 * @param details non-secret facts about the change (changed field names, grace period)
 */
public record AuditEntry(
        UUID id, Instant at, UUID tenantId, String actor, String action, String resource, Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        details = Map.copyOf(details);
    }
}
