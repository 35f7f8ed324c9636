package dev.tollgate.application.token;

import dev.tollgate.domain.token.RefreshToken;
import java.util.Objects;
import java.util.Optional;

/** What introspection says about a token (RFC 7662 §2.2). Every reason a token is not usable is the same Inactive. */
public sealed interface Introspection {

    /** {@code {"active": false}}: expired, revoked, unknown, malformed, another tenant's or another client's. */
    record Inactive() implements Introspection {
    }

    /** @param username the email of the user the token is about, when its subject is a user of the tenant */
    record ActiveAccessToken(VerifiedAccessToken token, Optional<String> username) implements Introspection {
        public ActiveAccessToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(username, "username");
        }
    }

    record ActiveRefreshToken(RefreshToken token) implements Introspection {
        public ActiveRefreshToken {
            Objects.requireNonNull(token, "token");
        }
    }
}
