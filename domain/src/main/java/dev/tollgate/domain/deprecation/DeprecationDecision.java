package dev.tollgate.domain.deprecation;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the policy says about one call of a legacy surface, with what the response must tell the caller. */
public sealed interface DeprecationDecision {

    /** Every response of a deprecated surface carries these facts (RFC 9745 Deprecation, RFC 8594 Sunset, Link). */
    record Notice(Instant deprecatedAt, Optional<Instant> sunsetAt, URI guide) {
        public Notice {
            Objects.requireNonNull(deprecatedAt, "deprecatedAt");
            Objects.requireNonNull(sunsetAt, "sunsetAt");
            Objects.requireNonNull(guide, "guide");
        }
    }

    Notice notice();

    /** The notice a response must carry: none while the surface is not deprecated yet. */
    default Optional<Notice> responseNotice() {
        return this instanceof Allow ? Optional.empty() : Optional.of(notice());
    }

    /** Not deprecated (yet): serve without warnings. */
    record Allow(Notice notice) implements DeprecationDecision {
    }

    /** Deprecated: serve, with the warning headers. */
    record AllowWithWarning(Notice notice) implements DeprecationDecision {
    }

    /** Browned out or past the sunset: refuse with 410, naming the replacement and the guide. */
    record Refuse(Notice notice, Reason reason, String message) implements DeprecationDecision {
        public enum Reason { BROWNOUT, SUNSET }
    }
}
