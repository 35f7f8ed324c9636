package dev.tollgate.application.fake;

import dev.tollgate.application.port.AuthorizationCodeRepository;
import dev.tollgate.domain.authorization.AuthorizationCode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes by digest, redeemed at most once as the database's conditional update does. */
public final class FakeAuthorizationCodeRepository implements AuthorizationCodeRepository {

    public final Map<String, AuthorizationCode> byDigest = new ConcurrentHashMap<>();

    @Override
    public void save(AuthorizationCode code, String digest) {
        if (byDigest.putIfAbsent(digest, code) != null) {
            throw new IllegalStateException("digest collision");
        }
    }

    @Override
    public Optional<AuthorizationCode> findByDigest(String digest) {
        return Optional.ofNullable(byDigest.get(digest));
    }

    @Override
    public synchronized boolean markRedeemed(UUID codeId, AuthorizationCode.Redemption redemption) {
        for (Map.Entry<String, AuthorizationCode> entry : byDigest.entrySet()) {
            AuthorizationCode c = entry.getValue();
            if (c.id().equals(codeId) && c.redemption().isEmpty()) {
                entry.setValue(new AuthorizationCode(c.id(), c.tenantId(), c.clientId(), c.userId(), c.redirectUri(),
                        c.scope(), c.challenge(), c.issuedAt(), c.expiresAt(), Optional.of(redemption)));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int purgeExpired(Instant before) {
        int before0 = byDigest.size();
        byDigest.values().removeIf(c -> c.expiresAt().isBefore(before));
        return before0 - byDigest.size();
    }
}
