package dev.tollgate.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecureRandomValuesTest {

    private static final int SAMPLES = 10_000;

    private final SecureRandomValues random = new SecureRandomValues();

    @Test
    void secretsAre256BitsOfUrlSafeText() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            String secret = random.newSecret();
            assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
            assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
            seen.add(secret);
        }
        assertEquals(SAMPLES, seen.size());
    }

    @Test
    void tokenIdsAre128BitsOfUrlSafeText() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            String id = random.newTokenId();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
            seen.add(id);
        }
        assertEquals(SAMPLES, seen.size());
    }

    @Test
    void idsAreRandomUuids() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            UUID id = random.newId();
            assertEquals(4, id.version());
            seen.add(id);
        }
        assertEquals(SAMPLES, seen.size());
    }

    @Test
    void secretsUseTheWholeAlphabet() {
        // a broken encoding (hex, a fixed prefix, a narrow source) would leave most of the 64 symbols unused
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            random.newSecret().chars().forEach(c -> symbols.add((char) c));
        }
        assertEquals(64, symbols.size());
    }
}
