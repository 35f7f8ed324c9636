package dev.tollgate.application.fake;

import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.SigningKeyRepository;
import dev.tollgate.domain.key.SigningKeyStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored signing keys in a list; counts calls so tests can check caching. */
public final class FakeSigningKeyRepository implements SigningKeyRepository {

    public final List<StoredSigningKey> stored = new ArrayList<>();
    public int findActiveCalls;
    public int findPublishedCalls;
    public int saveCalls;
    /**
     * When set, the next save loses a race: this key becomes active (as if another replica saved it first) and is
     * returned instead of the one passed in.
     */
    public StoredSigningKey raceWinner;

    @Override
    public Optional<StoredSigningKey> findActive(UUID tenantId) {
        findActiveCalls++;
        return active(tenantId);
    }

    /** When each retiring key leaves the JWKS, by kid. */
    public final java.util.Map<String, java.time.Instant> retireAfter = new java.util.HashMap<>();

    @Override
    public List<StoredSigningKey> findPublished(UUID tenantId, java.time.Instant now) {
        findPublishedCalls++;
        return stored.stream()
                .filter(k -> k.tenantId().equals(tenantId))
                .filter(k -> k.status() == SigningKeyStatus.ACTIVE
                        || (k.status() == SigningKeyStatus.RETIRING && retireAfter.get(k.keyId()).isAfter(now)))
                .sorted(Comparator.comparing(StoredSigningKey::createdAt).reversed())
                .toList();
    }

    @Override
    public StoredSigningKey saveActiveIfAbsent(StoredSigningKey key) {
        saveCalls++;
        if (raceWinner != null) {
            stored.add(raceWinner);
            StoredSigningKey winner = raceWinner;
            raceWinner = null;
            return winner;
        }
        Optional<StoredSigningKey> existing = active(key.tenantId());
        if (existing.isPresent()) {
            return existing.get();
        }
        stored.add(key);
        return key;
    }

    @Override
    public void rotate(UUID tenantId, StoredSigningKey next, java.time.Instant until) {
        active(tenantId).ifPresent(current -> {
            stored.remove(current);
            stored.add(new StoredSigningKey(current.keyId(), current.tenantId(), current.algorithm(),
                    current.publicKey(), current.sealedPrivateKey(), SigningKeyStatus.RETIRING, current.createdAt()));
            retireAfter.put(current.keyId(), until);
        });
        stored.add(next);
    }

    private Optional<StoredSigningKey> active(UUID tenantId) {
        return stored.stream()
                .filter(k -> k.tenantId().equals(tenantId) && k.status() == SigningKeyStatus.ACTIVE)
                .findFirst();
    }
}
