package dev.tollgate.application.token;

import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.token.IssuedToken;
import java.util.Objects;
import java.util.Optional;

/**
 * The token endpoint's answer: the outcome, and for a deprecated grant type the notice its response must carry
 * (Deprecation, Sunset and Link headers), success or not.
 */
public record TokenAnswer(Outcome<IssuedToken> outcome, Optional<DeprecationDecision.Notice> notice) {

    public TokenAnswer {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(notice, "notice");
    }
}
