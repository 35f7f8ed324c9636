package dev.tollgate.application.fake;

import dev.tollgate.application.port.RevokedAccessTokenRepository;
import dev.tollgate.domain.token.RevokedAccessToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The deny list in a map keyed by tenant and jti; adding twice keeps the first entry, as the table does. */
public final class FakeRevokedAccessTokenRepository implements RevokedAccessTokenRepository {

    private record Key(UUID tenantId, String tokenId) {
    }

    private final Map<Key, RevokedAccessToken> entries = new LinkedHashMap<>();

    public List<RevokedAccessToken> all() {
        return List.copyOf(entries.values());
    }

    @Override
    public void add(RevokedAccessToken token) {
        entries.putIfAbsent(new Key(token.tenantId(), token.tokenId()), token);
    }

    @Override
    public boolean contains(UUID tenantId, String tokenId) {
        return entries.containsKey(new Key(tenantId, tokenId));
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = entries.size();
        entries.values().removeIf(token -> token.expiresAt().isBefore(now));
        return before - entries.size();
    }
}
