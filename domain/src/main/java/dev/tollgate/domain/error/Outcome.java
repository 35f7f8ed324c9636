package dev.tollgate.domain.error;

import java.util.Objects;
import java.util.function.Function;

/** The result of a use case: a value, or an OAuth error as a value. Callers switch over it exhaustively. */
public sealed interface Outcome<T> permits Outcome.Success, Outcome.Failure {

    record Success<T>(T value) implements Outcome<T> {
        public Success {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failure<T>(OAuthError error) implements Outcome<T> {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Outcome<T> success(T value) {
        return new Success<>(value);
    }

    static <T> Outcome<T> failure(OAuthError error) {
        return new Failure<>(error);
    }

    /** Continues with {@code next} on success; a failure passes through unchanged. */
    default <U> Outcome<U> then(Function<? super T, Outcome<U>> next) {
        return switch (this) {
            case Success<T> s -> next.apply(s.value());
            case Failure<T> f -> new Failure<>(f.error());
        };
    }

    default <U> Outcome<U> map(Function<? super T, ? extends U> mapper) {
        return switch (this) {
            case Success<T> s -> new Success<>(mapper.apply(s.value()));
            case Failure<T> f -> new Failure<>(f.error());
        };
    }
}
