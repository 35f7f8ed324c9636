package dev.tollgate.domain.admin;

import java.util.Objects;

/** Why an administrative request was refused, as a value the admin API renders with the matching status. */
public sealed interface AdminError {

    String message();

    /** 400: a field of the request is missing or wrong. */
    record Invalid(String field, String message) implements AdminError {
        public Invalid {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /** 404: no such resource in the caller's reach. */
    record NotFound(String message) implements AdminError {
    }

    /** 409: the request clashes with what exists (a duplicate, or a state that forbids it). */
    record Conflict(String message) implements AdminError {
    }

    /** 403: the caller is authenticated but lacks the scope or reaches another tenant. */
    record Forbidden(String message) implements AdminError {
    }

    /** 401: no valid bearer token. */
    record Unauthenticated(String message) implements AdminError {
    }
}
