package dev.tollgate.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void hashesAreSaltedAndVerify() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertTrue(first.startsWith("$2a$04$"), first);
        assertNotEquals(first, second, "a fresh salt each time");
        assertFalse(first.contains("correct horse battery"));
        assertTrue(hasher.matches("correct horse battery", first));
        assertTrue(hasher.matches("correct horse battery", second));
        assertFalse(hasher.matches("correct horse battery!", first));
    }

    @Test
    void malformedHashIsAMismatchNotAnError() {
        assertFalse(hasher.matches("whatever", "not-a-bcrypt-hash"));
        assertFalse(hasher.matches("whatever", ""));
    }

    @Test
    void costIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(32));
    }
}
