package dev.tollgate.application.authorization;

import dev.tollgate.domain.error.OAuthError;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What the authorization endpoint does with a request. */
public sealed interface AuthorizationAnswer {

    /**
     * The client or redirect URI cannot be trusted (missing, unknown, not registered): tell the user on an error page
     * and never redirect (RFC 6749 §4.1.2.1), or the endpoint would be an open redirector.
     */
    record ErrorPage(String message) implements AuthorizationAnswer {
        public ErrorPage {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Send the browser to the client: with a code, or with {@code error}, {@code error_description} and state. */
    record Redirect(URI location, Optional<OAuthError> error) implements AuthorizationAnswer {
        public Redirect {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String toString() {
            // the location carries the code
            return "Redirect[error=" + error.map(e -> e.code().wireName()).orElse("-") + "]";
        }
    }

    /**
     * The user must sign in first; {@code failed} when a previous attempt had wrong credentials, {@code lockedFor}
     * when too many attempts failed and the next one is not checked before that time.
     */
    record SignIn(AuthorizationRequest request, boolean failed, Optional<Duration> lockedFor)
            implements AuthorizationAnswer {
        public SignIn {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(lockedFor, "lockedFor");
        }

        public SignIn(AuthorizationRequest request, boolean failed) {
            this(request, failed, Optional.empty());
        }
    }
}
