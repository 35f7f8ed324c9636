package dev.tollgate.application.fake;

import dev.tollgate.application.port.RandomValues;
import java.util.UUID;

/** Predictable "random" values: secret-1, jti-1, and name-based UUIDs. */
public final class SequentialRandomValues implements RandomValues {

    public int secrets;
    public int tokenIds;
    private int ids;

    @Override
    public String newSecret() {
        return "generated-secret-" + (++secrets);
    }

    @Override
    public String newTokenId() {
        return "jti-" + (++tokenIds);
    }

    @Override
    public UUID newId() {
        return UUID.nameUUIDFromBytes(("id-" + (++ids)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
