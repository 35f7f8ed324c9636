package dev.tollgate.application.port;

import java.time.Instant;
import java.util.UUID;

/**
 * Outbound port: the {@code jti} of every JWT bearer assertion accepted, per tenant and client, kept as long as the
 * assertion could still be accepted (RFC 7523 §3 item 7). Shared by all replicas, so a replay to another one fails
 * too.
 */
public interface AssertionReplayStore {

    /**
     * Records a first use; false when the same tenant, client and {@code jti} was recorded before and is still kept.
     * Must be race-free: of two concurrent calls with the same id, exactly one is first. Entries past their
     * {@code keepUntil} may be dropped at any time (implementations drop them opportunistically, as of {@code now}).
     */
    boolean firstUse(UUID tenantId, String clientId, String jti, Instant keepUntil, Instant now);
}
