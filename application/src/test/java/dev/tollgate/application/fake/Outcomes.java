package dev.tollgate.application.fake;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;

/** Unwraps outcomes in assertions. */
public final class Outcomes {

    private Outcomes() {
    }

    public static <T> T success(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> fail("expected success, got " + f.error());
        };
    }

    public static <T> OAuthError failure(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Success<T> s -> fail("expected a failure, got " + s.value());
            case Outcome.Failure<T> f -> f.error();
        };
    }
}
