package dev.tollgate.domain.token;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An access token on the deny list: its holder may still present it, but it is no longer honoured. It stays listed
 * only until {@code expiresAt}, its own expiry, after which it is refused anyway.
 *
 * @param tokenId the token's {@code jti}
 */
public record RevokedAccessToken(UUID tenantId, String tokenId, String clientId, Instant expiresAt, Instant revokedAt) {

    public RevokedAccessToken {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (tokenId.isBlank()) {
            throw new IllegalArgumentException("a revoked token needs its jti");
        }
    }
}
