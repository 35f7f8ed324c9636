package dev.tollgate.domain.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static final OAuthError ERROR = OAuthError.invalidRequest("broken");

    @Test
    void thenOnSuccessContinuesWithTheValue() {
        Outcome<Integer> result = Outcome.success("abc").then(s -> Outcome.success(s.length()));
        assertEquals(Outcome.success(3), result);
    }

    @Test
    void thenOnSuccessMayFail() {
        Outcome<Integer> result = Outcome.success("abc").then(s -> Outcome.failure(ERROR));
        assertEquals(Outcome.failure(ERROR), result);
    }

    @Test
    void thenOnFailurePassesTheErrorThroughWithoutCallingNext() {
        AtomicInteger calls = new AtomicInteger();
        Outcome<Integer> result = Outcome.<String>failure(ERROR).then(s -> {
            calls.incrementAndGet();
            return Outcome.success(s.length());
        });
        assertEquals(Outcome.failure(ERROR), result);
        assertEquals(0, calls.get());
    }

    @Test
    void mapOnSuccessTransformsTheValue() {
        assertEquals(Outcome.success("ABC"), Outcome.success("abc").map(String::toUpperCase));
    }

    @Test
    void mapOnFailurePassesTheErrorThroughWithoutCallingTheMapper() {
        AtomicInteger calls = new AtomicInteger();
        Outcome<String> result = Outcome.<String>failure(ERROR).map(s -> {
            calls.incrementAndGet();
            return s.toUpperCase();
        });
        assertEquals(Outcome.failure(ERROR), result);
        assertEquals(0, calls.get());
    }

    @Test
    void theFirstFailureOfAChainWins() {
        OAuthError later = OAuthError.invalidScope("later");
        Outcome<String> result = Outcome.success(1)
                .then(i -> Outcome.<Integer>failure(ERROR))
                .then(i -> Outcome.<Integer>failure(later))
                .map(String::valueOf);
        assertEquals(Outcome.failure(ERROR), result);
    }

    @Test
    void aChainOfSuccesses() {
        assertEquals(Outcome.success("6"), Outcome.success(1).map(i -> i + 1).then(i -> Outcome.success(i * 3))
                .map(String::valueOf));
    }

    @Test
    void neitherValueNorErrorMayBeNull() {
        assertThrows(NullPointerException.class, () -> Outcome.success(null));
        assertThrows(NullPointerException.class, () -> Outcome.failure(null));
        assertThrows(NullPointerException.class, () -> Outcome.success("x").map(s -> null));
    }
}
