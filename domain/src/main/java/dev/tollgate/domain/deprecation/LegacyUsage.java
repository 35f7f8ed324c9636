package dev.tollgate.domain.deprecation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How often one caller used a legacy surface: per tenant, surface, client and user (absent when the call named no
 * known user), with the refusals among those calls and when they were first and last seen.
 */
public record LegacyUsage(Caller caller, long calls, long refusals, Instant firstSeen, Instant lastSeen) {

    /** Who called what: the unit a migration report counts. */
    public record Caller(UUID tenantId, LegacySurface surface, String clientId, Optional<UUID> userId) {
        public Caller {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(surface, "surface");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(userId, "userId");
        }
    }

    public LegacyUsage {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (calls < 1 || refusals < 0 || refusals > calls) {
            throw new IllegalArgumentException("refusals are some of the calls, and there is at least one call");
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("last seen before first seen");
        }
    }

    public static LegacyUsage of(Caller caller, boolean refused, Instant at) {
        return new LegacyUsage(caller, 1, refused ? 1 : 0, at, at);
    }

    /** Two tallies of the same caller as one. */
    public LegacyUsage plus(LegacyUsage other) {
        if (!caller.equals(other.caller)) {
            throw new IllegalArgumentException("tallies of different callers");
        }
        return new LegacyUsage(caller, calls + other.calls, refusals + other.refusals,
                firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen);
    }
}
