package dev.tollgate.domain.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

    // ---- parsing

    @Test
    void parsesSpaceDelimitedTokensInTheGivenOrder() {
        Scope scope = Scope.parse("orders:read catalog https://api.example.com/x").orElseThrow();
        assertEquals(List.of("orders:read", "catalog", "https://api.example.com/x"), List.copyOf(scope.tokens()));
        assertEquals("orders:read catalog https://api.example.com/x", scope.value());
    }

    @Test
    void orderIsKeptNotSorted() {
        assertEquals(List.of("z", "a", "m"), List.copyOf(Scope.parse("z a m").orElseThrow().tokens()));
    }

    @Test
    void duplicatesAreMergedKeepingTheFirstPosition() {
        Scope scope = Scope.parse("profile email profile email openid").orElseThrow();
        assertEquals(List.of("profile", "email", "openid"), List.copyOf(scope.tokens()));
        assertEquals("profile email openid", scope.value());
    }

    @Test
    void extraSpacesAreTolerated() {
        assertEquals(List.of("a", "b"), List.copyOf(Scope.parse("  a   b ").orElseThrow().tokens()));
        assertEquals("a b", Scope.parse(" a  b  ").orElseThrow().value());
    }

    @Test
    void emptyOrBlankMeansNoScope() {
        assertEquals(Optional.of(Scope.EMPTY), Scope.parse(""));
        assertEquals(Optional.of(Scope.EMPTY), Scope.parse("    "));
        assertTrue(Scope.parse(" ").orElseThrow().isEmpty());
    }

    @Test
    void acceptsTheWholeRfc6749Charset() {
        assertTrue(Scope.parse("! # $ % & ' ( ) * + , - . / 0 9 : ; < = > ? @ A Z [ ] ^ _ ` a z { | } ~").isPresent());
        assertTrue(Scope.parse("read:catalog orders/write https://api.example.com/x!").isPresent());
    }

    @Test
    void refusesDoubleQuoteAndBackslash() {
        assertEquals(Optional.empty(), Scope.parse("a\"b"));
        assertEquals(Optional.empty(), Scope.parse("\""));
        assertEquals(Optional.empty(), Scope.parse("a\\b"));
        assertEquals(Optional.empty(), Scope.parse("\\"));
    }

    @Test
    void refusesNonAscii() {
        for (String bad : List.of("caf\u00e9", "\u00a0", "na\u00efve", "\u0430dmin" /* Cyrillic a */, "\uff41",
                "emoji\ud83d\ude00", "\u007f")) {
            assertEquals(Optional.empty(), Scope.parse(bad), bad);
        }
    }

    @Test
    void refusesControlCharacters() {
        for (String bad : List.of("nul\u0000", "tab\there", "line\nbreak", "cr\rx", "\u001f", "a\u0001b")) {
            assertEquals(Optional.empty(), Scope.parse(bad), bad);
        }
    }

    @Test
    void oneBadTokenSpoilsTheWholeParameter() {
        assertEquals(Optional.empty(), Scope.parse("good also-good b\"ad"));
        assertEquals(Optional.empty(), Scope.parse("caf\u00e9 good"));
    }

    @Test
    void everyAsciiCharacterIsClassifiedAsRfc6749Says() {
        // scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        for (char c = 0; c < 0x80; c++) {
            boolean expected = c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            assertEquals(expected, Scope.isValidToken(String.valueOf(c)), "character 0x" + Integer.toHexString(c));
        }
    }

    @Test
    void anEmptyTokenIsNotAToken() {
        assertFalse(Scope.isValidToken(""));
    }

    // ---- construction

    @Test
    void ofRefusesInvalidTokens() {
        assertThrows(IllegalArgumentException.class, () -> Scope.of("bad\"token"));
        assertThrows(IllegalArgumentException.class, () -> Scope.of("two words"));
        assertThrows(IllegalArgumentException.class, () -> Scope.of(""));
        assertThrows(IllegalArgumentException.class, () -> Scope.of("ok", "caf\u00e9"));
    }

    @Test
    void ofKeepsOrderAndMergesDuplicates() {
        assertEquals(List.of("b", "a"), List.copyOf(Scope.of("b", "a", "b").tokens()));
        assertEquals(List.of("b", "a"), List.copyOf(Scope.of(List.of("b", "a", "b")).tokens()));
    }

    @Test
    void isImmutableAndDoesNotShareTheCallersCollection() {
        List<String> source = new ArrayList<>(List.of("a"));
        Scope scope = Scope.of(source);
        source.add("b");
        assertEquals(Set.of("a"), scope.tokens());
        assertThrows(UnsupportedOperationException.class, () -> scope.tokens().add("c"));
    }

    @Test
    void equalityIsSetEquality() {
        assertEquals(Scope.of("a", "b"), Scope.of("b", "a"));
        assertEquals(Scope.of("a", "b").hashCode(), Scope.of("b", "a").hashCode());
        assertFalse(Scope.of("a").equals(Scope.of("a", "b")));
    }

    @Test
    void valueAndToStringAreTheWireForm() {
        assertEquals("", Scope.EMPTY.value());
        assertEquals("one", Scope.of("one").value());
        assertEquals("one two", Scope.of("one", "two").value());
        assertEquals("one two", Scope.of("one", "two").toString());
        assertEquals(Scope.of("one", "two"), Scope.parse(Scope.of("one", "two").value()).orElseThrow());
    }

    @Test
    void isEmpty() {
        assertTrue(Scope.EMPTY.isEmpty());
        assertFalse(Scope.of("a").isEmpty());
    }

    // ---- comparison

    @Test
    void missingListsTheRequestedTokensNotHeldInRequestOrder() {
        Scope held = Scope.of("email", "profile");
        assertEquals(List.of("admin", "billing"),
                List.copyOf(held.missing(Scope.of("admin", "email", "billing"))));
        assertEquals(Set.of(), held.missing(Scope.of("profile")));
        assertEquals(Set.of(), held.missing(Scope.of("profile", "email")));
        assertEquals(Set.of(), held.missing(Scope.EMPTY));
        assertEquals(Set.of("x"), Scope.EMPTY.missing(Scope.of("x")));
    }

    @Test
    void missingDoesNotChangeEitherScope() {
        Scope held = Scope.of("a");
        Scope requested = Scope.of("a", "b");
        held.missing(requested).clear();
        assertEquals(Scope.of("a"), held);
        assertEquals(Scope.of("a", "b"), requested);
    }

    @Test
    void containsAll() {
        Scope held = Scope.of("email", "profile");
        assertTrue(held.containsAll(Scope.of("profile")));
        assertTrue(held.containsAll(Scope.EMPTY));
        assertTrue(held.containsAll(held));
        assertFalse(held.containsAll(Scope.of("profile", "admin")));
    }
}
