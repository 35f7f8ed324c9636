package dev.tollgate.application.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredSecretTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void withoutNotAfterASecretIsAlwaysValid() {
        StoredSecret secret = new StoredSecret("d", T, Optional.empty());
        assertTrue(secret.validAt(T));
        assertTrue(secret.validAt(T.plusSeconds(10L * 365 * 86_400)));
    }

    @Test
    void withNotAfterASecretIsValidStrictlyBeforeIt() {
        StoredSecret secret = new StoredSecret("d", T, Optional.of(T.plusSeconds(60)));
        assertTrue(secret.validAt(T.plusSeconds(59)));
        assertFalse(secret.validAt(T.plusSeconds(60)));
        assertFalse(secret.validAt(T.plusSeconds(61)));
    }

    @Test
    void toStringDoesNotShowTheDigest() {
        assertFalse(new StoredSecret("digest-value", T, Optional.empty()).toString().contains("digest-value"));
    }
}
