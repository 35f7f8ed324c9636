package dev.tollgate.application.fake;

import dev.tollgate.application.port.RefreshTokenRepository;
import dev.tollgate.domain.token.RefreshToken;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Refresh tokens by digest, with the state changes the database makes atomically. */
public final class FakeRefreshTokenRepository implements RefreshTokenRepository {

    public final Map<String, RefreshToken> byDigest = new ConcurrentHashMap<>();

    @Override
    public void save(RefreshToken token, String digest) {
        if (byDigest.putIfAbsent(digest, token) != null) {
            throw new IllegalStateException("digest collision");
        }
    }

    @Override
    public Optional<RefreshToken> findByDigest(String digest) {
        return Optional.ofNullable(byDigest.get(digest));
    }

    @Override
    public synchronized boolean markRotated(UUID tokenId, Instant at) {
        for (Map.Entry<String, RefreshToken> entry : byDigest.entrySet()) {
            RefreshToken t = entry.getValue();
            if (t.id().equals(tokenId) && t.state() == RefreshToken.State.ACTIVE) {
                entry.setValue(with(t, RefreshToken.State.ROTATED));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int revokeFamily(UUID familyId, Instant at) {
        int revoked = 0;
        for (Map.Entry<String, RefreshToken> entry : byDigest.entrySet()) {
            RefreshToken t = entry.getValue();
            if (t.familyId().equals(familyId) && t.state() != RefreshToken.State.REVOKED) {
                entry.setValue(with(t, RefreshToken.State.REVOKED));
                revoked++;
            }
        }
        return revoked;
    }

    private static RefreshToken with(RefreshToken t, RefreshToken.State state) {
        return new RefreshToken(t.id(), t.tenantId(), t.familyId(), t.clientId(), t.userId(), t.scope(), t.issuedAt(),
                t.expiresAt(), state);
    }
}
