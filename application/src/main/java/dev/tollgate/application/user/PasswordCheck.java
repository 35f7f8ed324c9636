package dev.tollgate.application.user;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.user.User;
import java.time.Duration;
import java.util.Objects;

/** What checking a login and password came to. */
public sealed interface PasswordCheck {

    /** The password is right and the user enabled. */
    record Accepted(User user) implements PasswordCheck {
        public Accepted {
            Objects.requireNonNull(user, "user");
        }
    }

    /** An unknown login, a disabled user or a wrong password: one answer for all three. */
    record Rejected() implements PasswordCheck {
    }

    /** Too many failed attempts: not checked at all, try again after {@code retryAfter}. */
    record Locked(Duration retryAfter) implements PasswordCheck {
        public Locked {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** As a dialect's outcome: a rejection is {@code invalid_grant} with the dialect's {@code description}. */
    default Outcome<User> toOutcome(String description) {
        return switch (this) {
            case Accepted accepted -> Outcome.success(accepted.user());
            case Rejected rejected -> Outcome.failure(OAuthError.invalidGrant(description));
            case Locked locked -> Outcome.failure(OAuthError.tooManyFailedAttempts(locked.retryAfter()));
        };
    }
}
