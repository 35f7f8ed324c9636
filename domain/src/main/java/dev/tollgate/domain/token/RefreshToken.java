package dev.tollgate.domain.token;

import dev.tollgate.domain.scope.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A refresh token as stored: opaque to its holder, kept here only as a digest, bound to the client and user it was
 * issued to. Tokens that replace one another share a family, so that a reused (stolen) token can revoke them all.
 *
 * @param expiresAt absent when the token lives until revoked
 */
public record RefreshToken(
        UUID id,
        UUID tenantId,
        UUID familyId,
        String clientId,
        UUID userId,
        Scope scope,
        Instant issuedAt,
        Optional<Instant> expiresAt,
        State state) {

    public enum State {
        /** May be redeemed. */
        ACTIVE,
        /** Replaced by a newer token of its family; presenting it again is a reuse. */
        ROTATED,
        /** Revoked, with its family or alone. */
        REVOKED
    }

    /** What presenting this token at a given moment amounts to. */
    public enum Redemption { USABLE, EXPIRED, REUSED, REVOKED }

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(issuedAt)) {
            throw new IllegalArgumentException("a refresh token must expire after it is issued");
        }
    }

    public Redemption redemption(Instant now) {
        return switch (state) {
            case REVOKED -> Redemption.REVOKED;
            case ROTATED -> Redemption.REUSED;
            case ACTIVE -> expiresAt.isPresent() && !now.isBefore(expiresAt.get())
                    ? Redemption.EXPIRED
                    : Redemption.USABLE;
        };
    }

    @Override
    public String toString() {
        // no secret in here, but keep logs short and uniform
        return "RefreshToken[" + id + ", family=" + familyId + ", client=" + clientId + ", " + state + "]";
    }
}
