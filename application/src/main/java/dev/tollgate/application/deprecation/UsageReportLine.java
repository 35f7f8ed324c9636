package dev.tollgate.application.deprecation;

import dev.tollgate.domain.deprecation.LegacySurface;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One caller in the migration report: which client and user still call a legacy surface, how often, and when last.
 * The user's email and username are absent when the call named no known user or the user was deleted since.
 */
public record UsageReportLine(
        LegacySurface surface,
        String clientId,
        Optional<UUID> userId,
        Optional<String> email,
        Optional<String> username,
        long calls,
        long refusals,
        Instant firstSeen,
        Instant lastSeen) {

    public UsageReportLine {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
