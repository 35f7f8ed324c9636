package dev.tollgate.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongUnrelatedPassword() {
        assertEquals(Optional.empty(), PasswordPolicy.check("correct horse battery", "ann@shop.test", "ann.b"));
    }

    @Test
    void refusesShortLongAndSelfReferencingPasswords() {
        assertTrue(PasswordPolicy.check("123456789", "ann@shop.test", "ann.b").isPresent(), "9 characters");
        assertEquals(Optional.empty(), PasswordPolicy.check("1234567890", "ann@shop.test", "ann.b"), "10 characters");
        assertTrue(PasswordPolicy.check("é".repeat(37), "ann@shop.test", "ann.b").isPresent(), "over 72 bytes");
        assertTrue(PasswordPolicy.check("x-ANN@shop.test-x", "ann@shop.test", "ann.b").isPresent(), "the email");
        assertTrue(PasswordPolicy.check("my-name-is-ann.b!", "ann@shop.test", "ann.b").isPresent(), "the username");
        assertTrue(PasswordPolicy.check("I am annie from x", "annie@shop.test", "u1").isPresent(), "email local part");
    }
}
