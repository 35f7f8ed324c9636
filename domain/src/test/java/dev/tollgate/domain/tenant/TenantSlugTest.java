package dev.tollgate.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantSlugTest {

    private static final List<String> VALID = List.of(
            "a", "7", "acme", "acme-staging", "x1", "1x", "a-b-c", "a--b", "eu-prod-2", "a".repeat(63),
            "a" + "-".repeat(61) + "b");

    private static final List<String> INVALID = List.of(
            "", "Acme", "ACME", "acmE", "-acme", "acme-", "-", "--", "acme_staging", "a".repeat(64),
            "a" + "-".repeat(62) + "b", "ac me", " acme", "acme ", "acme.example", "acme/x", "..", "caf\u00e9",
            "acme\n");

    @Test
    void acceptsLowercaseLettersDigitsAndInnerDashesUpTo63() {
        for (String good : VALID) {
            assertEquals(Optional.of(new TenantSlug(good)), TenantSlug.parse(good), good);
            assertEquals(good, new TenantSlug(good).value());
        }
    }

    @Test
    void refusesEverythingElse() {
        for (String bad : INVALID) {
            assertTrue(TenantSlug.parse(bad).isEmpty(), "parse(" + bad + ")");
            assertThrows(IllegalArgumentException.class, () -> new TenantSlug(bad), bad);
        }
    }

    @Test
    void sixtyFourCharactersIsOneTooMany() {
        assertTrue(TenantSlug.parse("a".repeat(63)).isPresent());
        assertTrue(TenantSlug.parse("a".repeat(64)).isEmpty());
    }

    @Test
    void nullIsRefused() {
        assertEquals(Optional.empty(), TenantSlug.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new TenantSlug(null));
    }

    @Test
    void toStringIsTheValue() {
        assertEquals("acme-staging", new TenantSlug("acme-staging").toString());
    }
}
