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

    @Override
    public List<StoredSigningKey> findPublished(UUID tenantId) {
        findPublishedCalls++;
        return stored.stream()
                .filter(k -> k.tenantId().equals(tenantId) && k.status().published())
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

    private Optional<StoredSigningKey> active(UUID tenantId) {
        return stored.stream()
                .filter(k -> k.tenantId().equals(tenantId) && k.status() == SigningKeyStatus.ACTIVE)
                .findFirst();
    }
}
