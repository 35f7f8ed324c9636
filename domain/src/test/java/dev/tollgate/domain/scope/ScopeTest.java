package dev.tollgate.domain.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void parsesSpaceDelimitedTokensInOrder() {
        Scope scope = Scope.parse("profile email profile").orElseThrow();
        assertEquals(List.of("profile", "email"), List.copyOf(scope.tokens()));
        assertEquals("profile email", scope.value());
        assertEquals(Scope.of("a", "b"), Scope.parse("  a  b ").orElseThrow());
        assertTrue(Scope.parse("").orElseThrow().isEmpty());
    }

    @Test
    void acceptsTheRfc6749Charset() {
        assertTrue(Scope.parse("read:catalog orders/write https://api.example.com/x!").isPresent());
    }

    @Test
    void refusesCharactersOutsideTheScopeTokenSet() {
        for (String bad : List.of("a\"b", "a\\b", "caf\u00e9", "tab\there", "nul\u0000")) {
            assertEquals(Optional.empty(), Scope.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Scope.of("bad\"token"));
    }

    @Test
    void missingTokens() {
        assertEquals(Set.of("admin"), Scope.of("email", "profile").missing(Scope.of("email", "admin")));
        assertTrue(Scope.of("email", "profile").containsAll(Scope.of("profile")));
    }
}
