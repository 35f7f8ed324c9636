package dev.tollgate.application.port;

import dev.tollgate.domain.token.RefreshToken;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: refresh tokens, stored only as digests of what their holders keep. */
public interface RefreshTokenRepository {

    void save(RefreshToken token, String digest);

    Optional<RefreshToken> findByDigest(String digest);

    /** ACTIVE → ROTATED; false when the token was no longer active (a parallel refresh got there first). */
    boolean markRotated(UUID tokenId, Instant at);

    /** Revokes every token of the family that is not revoked yet; returns how many. */
    int revokeFamily(UUID familyId, Instant at);
}
