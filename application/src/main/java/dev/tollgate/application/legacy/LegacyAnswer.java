package dev.tollgate.application.legacy;

import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.token.IssuedToken;
import java.util.Objects;
import java.util.Optional;

/**
 * What a call of the legacy Token API v0 comes to, with the deprecation notice its response must carry (absent while
 * the surface is not deprecated yet).
 */
public sealed interface LegacyAnswer {

    Optional<DeprecationDecision.Notice> notice();

    record Issued(IssuedToken token, Optional<DeprecationDecision.Notice> notice) implements LegacyAnswer {
        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(notice, "notice");
        }
    }

    record Failed(OAuthError error, Optional<DeprecationDecision.Notice> notice) implements LegacyAnswer {
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(notice, "notice");
        }
    }

    /** Browned out or past the sunset. */
    record Gone(DeprecationDecision.Refuse refusal) implements LegacyAnswer {
        public Gone {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public Optional<DeprecationDecision.Notice> notice() {
            return Optional.of(refusal.notice());
        }
    }
}
