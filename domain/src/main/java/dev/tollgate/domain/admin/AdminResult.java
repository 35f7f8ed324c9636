package dev.tollgate.domain.admin;

import java.util.Objects;
import java.util.function.Function;

/** The result of an administrative use case: a value or an {@link AdminError}. */
public sealed interface AdminResult<T> permits AdminResult.Done, AdminResult.Refused {

    record Done<T>(T value) implements AdminResult<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(AdminError error) implements AdminResult<T> {
        public Refused {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> AdminResult<T> done(T value) {
        return new Done<>(value);
    }

    static <T> AdminResult<T> refused(AdminError error) {
        return new Refused<>(error);
    }

    static <T> AdminResult<T> invalid(String field, String message) {
        return new Refused<>(new AdminError.Invalid(field, message));
    }

    default <U> AdminResult<U> then(Function<? super T, AdminResult<U>> next) {
        return switch (this) {
            case Done<T> d -> next.apply(d.value());
            case Refused<T> r -> new Refused<>(r.error());
        };
    }

    default <U> AdminResult<U> map(Function<? super T, ? extends U> mapper) {
        return switch (this) {
            case Done<T> d -> new Done<>(mapper.apply(d.value()));
            case Refused<T> r -> new Refused<>(r.error());
        };
    }
}
