package dev.tollgate.application.fake;

import dev.tollgate.application.port.AssertionReplayStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Seen assertion ids in a map, dropped once their keep-until has passed. */
public final class FakeAssertionReplayStore implements AssertionReplayStore {

    public record Key(UUID tenantId, String clientId, String jti) {
    }

    public final Map<Key, Instant> kept = new HashMap<>();

    @Override
    public boolean firstUse(UUID tenantId, String clientId, String jti, Instant keepUntil, Instant now) {
        kept.values().removeIf(until -> !until.isAfter(now));
        return kept.putIfAbsent(new Key(tenantId, clientId, jti), keepUntil) == null;
    }
}
